// `libcdiff env TARGET -- CMD...` (issue 14): runs any command with the target's toolchain in its
// environment, so CMake, autotools, Meson or a Makefile build against that libc; `--print` shows the
// variables as shell exports instead.
#pragma once

#include <string>
#include <vector>

#include "cli/context.hpp"

namespace libcdiff::cli {

struct EnvOptions {
  std::string target;
  std::vector<std::string> command;
  bool print = false;
  std::string engine;  // image targets: podman or docker ("" = detect)
};

// --print: writes the exports and returns 0. Otherwise replaces this process with the command (its
// exit status is the command's); returns 127 when the command cannot be started. Throws Fatal for
// an unknown target, an image target, or a target setup has not prepared.
int env_command(Context& ctx, const EnvOptions& options);

}  // namespace libcdiff::cli
