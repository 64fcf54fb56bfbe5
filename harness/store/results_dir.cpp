#include "store/results_dir.hpp"

#include <algorithm>
#include <system_error>

#include "store/atomic_file.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::store {

std::string run_dir_name(std::chrono::system_clock::time_point when,
                         const std::vector<std::string>& targets) {
  return util::path_safe(util::compact_utc(when) + "_" + util::join(targets, "_vs_"));
}

void prepare_output_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir))
    throw usage_error(dir.string(), "cannot create the output directory (" + ec.message() + ")",
                      "pass a writable directory with -o");
  const auto probe = dir / ".libcdiff-write-probe";
  try {
    write_file_atomically(probe, "probe\n");
  } catch (const Fatal&) {
    throw usage_error(dir.string(), "is not writable", "pass a writable directory with -o");
  }
  std::filesystem::remove(probe, ec);
}

void update_latest_link(const std::filesystem::path& runs_root, const std::filesystem::path& run_dir) {
  std::error_code ec;
  const auto link = runs_root / "latest";
  const auto temp = runs_root / ".latest.tmp";
  std::filesystem::remove(temp, ec);
  std::filesystem::create_directory_symlink(run_dir.filename(), temp, ec);
  if (!ec) std::filesystem::rename(temp, link, ec);
}

std::vector<std::filesystem::path> run_records_in(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> records;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.starts_with("run-") && name.ends_with(".json"))
      records.push_back(entry.path());
  }
  std::sort(records.begin(), records.end());
  return records;
}

}  // namespace libcdiff::store
