// Everything a command needs from the outside world, created once in main() and passed down:
// no command reaches for globals, so tests substitute any piece.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>

#include "exec/process_runner.hpp"
#include "util/clock.hpp"

namespace libcdiff::cli {

struct Context {
  exec::ProcessRunner& runner;
  const util::Clock& clock;
  std::filesystem::path repo_root;  // holds suites/ and cmake/toolchains/
  std::filesystem::path cache_dir;  // scripts/setup.sh's cache
  std::ostream& out;
  std::ostream& err;
  const std::atomic<bool>& interrupted;
  std::map<std::string, std::string> tool_environment;  // for cmake/ninja/compilers
};

// ${LIBCDIFF_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/libcdiff}, as scripts/setup.sh computes it.
std::filesystem::path default_cache_dir();

}  // namespace libcdiff::cli
