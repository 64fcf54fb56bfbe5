#include "scan/host_headers.hpp"

#include <fmt/format.h>

#include <set>

#include "util/file_text.hpp"
#include "util/text.hpp"

namespace libcdiff::scan {
namespace {

namespace fs = std::filesystem;

struct Mirror {
  const std::set<std::string>& excluded;  // files
  int left_out = 0;

  bool holds_excluded(const fs::path& dir) const {
    const auto prefix = dir.string() + "/";
    const auto it = excluded.lower_bound(prefix);
    return it != excluded.end() && it->starts_with(prefix);
  }

  void mirror(const fs::path& from, const fs::path& to, const std::set<std::string>& skip_names) {
    std::error_code ec;
    fs::create_directories(to, ec);
    for (fs::directory_iterator it(from, ec), end; !ec && it != end; it.increment(ec)) {
      const auto name = it->path().filename().string();
      if (skip_names.count(name)) continue;
      const auto source = it->path();
      if (excluded.count(source.string())) {
        ++left_out;
        continue;
      }
      std::error_code kind_ec;
      if (fs::is_directory(source, kind_ec) && holds_excluded(source))
        mirror(source, to / name, {});
      else
        fs::create_symlink(source, to / name, kind_ec);
    }
  }
};

}  // namespace

HostHeaders host_header_overlay(exec::ProcessRunner& runner, const HostHeaderOptions& options,
                                const fs::path& overlay_dir) {
  HostHeaders out;
  std::error_code ec;
  if (fs::is_directory(options.local_include, ec) && !fs::is_empty(options.local_include, ec))
    out.directories.push_back(options.local_include);
  if (!fs::is_directory(options.include_root, ec)) {
    out.description = options.include_root.string() + " does not exist";
    return out;
  }
  fs::create_directories(overlay_dir, ec);
  exec::ProcessSpec spec;
  spec.program = "dpkg-query";
  spec.args = {"-L"};
  spec.args.insert(spec.args.end(), options.libc_packages.begin(), options.libc_packages.end());
  spec.stdout_path = overlay_dir / "libc-files.txt";
  spec.timeout = std::chrono::seconds(60);
  const auto result = runner.run(spec);
  const auto listing = util::read_text_if_present(spec.stdout_path);
  fs::remove(spec.stdout_path, ec);
  const auto packages = util::join(options.libc_packages, ", ");
  if (!result.succeeded() || listing.empty()) {
    out.description = fmt::format(
        "none of {}: dpkg-query -L {} could not list the libc's own headers ({}), so third-party headers "
        "there are not seen either",
        options.include_root.string(), packages, result.succeeded() ? "no output" : result.describe());
    return out;
  }
  std::set<std::string> excluded;
  const auto root = options.include_root.string() + "/";
  for (const auto& line : util::split(listing, '\n')) {
    const auto path = util::trim(line);
    if (path.starts_with(root) && !fs::is_directory(path, ec)) excluded.insert(path);
  }
  Mirror m{excluded};
  const auto multiarch = options.include_root / options.multiarch;
  if (fs::is_directory(multiarch, ec)) {
    m.mirror(multiarch, overlay_dir / "multiarch", {"c++"});
    out.directories.push_back(overlay_dir / "multiarch");
  }
  m.mirror(options.include_root, overlay_dir / "include", {"c++", options.multiarch});
  out.directories.push_back(overlay_dir / "include");
  out.description =
      fmt::format("{} after the target's own headers, without the {} files of {} and without {}/c++",
                  options.include_root.string(), m.left_out, packages, options.include_root.string());
  return out;
}

}  // namespace libcdiff::scan
