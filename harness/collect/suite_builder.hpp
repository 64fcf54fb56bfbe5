// Builds suites/ for one target into its own build directory with the target's toolchain file.
// Each area is built on its own, so a compile error in one area is that area's build_error and never
// leaves a stale binary from an earlier build in use.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "exec/process_runner.hpp"
#include "targets/target.hpp"

namespace libcdiff::collect {

struct BuildRequest {
  const targets::Target* target = nullptr;
  std::filesystem::path repo_root;
  std::filesystem::path build_dir;  // <build root>/<target id>
  std::vector<std::string> areas;
  std::vector<std::string> bench_areas;  // benchmarks/<area> -> bench_<area> (plus the hello programs)
  std::map<std::string, std::string> environment;  // for cmake/ninja (PATH, LIBCDIFF_CACHE_DIR, ...)
  std::filesystem::path cache_dir;                 // setup's stamps are part of the build's fingerprint
  // Called once when another libcdiff holds this build directory (two runs of one target build one
  // tree in turn, never at once); the build then waits for it.
  std::function<void(const std::string&)> on_wait;
};

struct AreaBuild {
  std::filesystem::path binary;  // set when it built
  std::string error;             // first error line and the log's path otherwise
};

struct BuildResult {
  std::string configure_error;  // non-empty: nothing could be built
  std::map<std::string, AreaBuild> areas;
  std::map<std::string, AreaBuild> bench_areas;
  std::map<std::string, long long> program_sizes;  // hello_c_static ... -> bytes, for the footprint table
};

// The benchmark areas: directories under benchmarks/ (except common/) holding *.cpp files.
std::vector<std::string> benchmark_areas(const std::filesystem::path& repo_root);

BuildResult build_suites(exec::ProcessRunner& runner, const BuildRequest& request);

// What a configured build tree was made from: the toolchain files, the cache directory and setup's
// stamps of the target's cache entries (a tree configured against another cache points at its files). CMake
// caches the toolchain's flags at the first configure, so a tree whose fingerprint changed is rebuilt from
// scratch rather than silently keeping the old flags.
std::string build_fingerprint(const BuildRequest& request);

// The first line of a build log that looks like a compiler or CMake error, for one-line messages.
std::string first_error_line(const std::string& log);

}  // namespace libcdiff::collect
