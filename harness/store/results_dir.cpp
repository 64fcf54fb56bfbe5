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
  } catch (const Fatal& e) {
    if (e.code() == ExitCode::environment) throw;  // a full disk says so, and exits 3
    throw usage_error(dir.string(), "is not writable", "pass a writable directory with -o");
  }
  std::filesystem::remove(probe, ec);
}

namespace {

// The first ancestor of `dir` (or `dir` itself) that does not exist yet: what a failed creation must
// remove again.
std::filesystem::path first_missing(const std::filesystem::path& dir) {
  std::filesystem::path missing;
  for (auto p = std::filesystem::absolute(dir); !p.empty() && !std::filesystem::exists(p);
       p = p.parent_path()) {
    missing = p;
    if (p == p.parent_path()) break;
  }
  return missing;
}

}  // namespace

bool holds_a_run(const std::filesystem::path& dir) {
  std::error_code ec;
  return !run_records_in(dir).empty() || std::filesystem::exists(dir / "comparison.json", ec) ||
         std::filesystem::exists(dir / "scan.json", ec) || std::filesystem::is_directory(dir / "logs", ec);
}

void claim_output_dir(const std::filesystem::path& dir, bool replace) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec)) {
    if (!std::filesystem::is_directory(dir, ec))
      throw usage_error(dir.string(), "exists and is not a directory", "pass a new directory with -o");
    if (!std::filesystem::is_empty(dir, ec)) {
      if (!holds_a_run(dir))
        throw usage_error(
            dir.string(), "is not empty and holds no libcdiff run",
            "pass a new or empty directory with -o (libcdiff never mixes its files with others)");
      if (!replace)
        throw usage_error(dir.string(), "already holds a libcdiff run",
                          "pass --force to replace it whole, or choose another directory with -o");
      std::filesystem::remove_all(dir, ec);
      if (ec)
        throw usage_error(dir.string(), "could not be removed for --force (" + ec.message() + ")",
                          "remove it by hand or choose another directory with -o");
    }
  }
  const auto created_from = first_missing(dir);
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    const std::string reason = ec ? ec.message() : "not a directory";
    if (!created_from.empty()) std::filesystem::remove_all(created_from, ec);
    throw usage_error(dir.string(), "cannot create the output directory (" + reason + ")",
                      "pass a writable directory with -o");
  }
  prepare_output_dir(dir);
}

std::filesystem::path claim_new_run_dir(const std::filesystem::path& runs_root, const std::string& name) {
  std::error_code ec;
  std::filesystem::create_directories(runs_root, ec);
  for (int n = 1; n < 1000; ++n) {
    const auto dir = runs_root / (n == 1 ? name : name + "-" + std::to_string(n));
    // create_directory is mkdir(2): it fails for the second of two runs racing for one name.
    if (std::filesystem::create_directory(dir, ec)) {
      prepare_output_dir(dir);
      return dir;
    }
    if (ec) break;
  }
  throw usage_error((runs_root / name).string(),
                    "cannot create a new run directory" + (ec ? " (" + ec.message() + ")" : std::string()),
                    "check that " + runs_root.string() + " is writable, or pass -o");
}

std::string update_latest_link(const std::filesystem::path& runs_root, const std::filesystem::path& run_dir) {
  std::error_code ec;
  const auto link = runs_root / "latest";
  if (std::filesystem::exists(std::filesystem::symlink_status(link)) && !std::filesystem::is_symlink(link))
    return link.string() +
           " is not a symbolic link, so it was left alone; remove it to have it point at the newest run";
  const auto temp = runs_root / ".latest.tmp";
  std::filesystem::remove(temp, ec);
  std::filesystem::create_directory_symlink(run_dir.filename(), temp, ec);
  if (!ec) std::filesystem::rename(temp, link, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    return link.string() + " could not be updated (" + ec.message() + ")";
  }
  return "";
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
