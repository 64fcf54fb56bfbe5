// Sets up a local target's toolchain pieces on its first use (issue 10): scripts/setup.sh prepares
// only musl and glibc by default, so a first ./run.sh does not spend minutes building libc++ and
// GoogleTest for targets it does not run. Any other target is prepared here, with a progress line,
// the first time a run asks for it.
#pragma once

#include <filesystem>

#include "cli/context.hpp"
#include "targets/target.hpp"

namespace libcdiff::run {

// Runs `scripts/setup.sh --targets <id>` (output in log_dir/setup-<id>.log) when the target's cache
// entries are missing; distribution targets (built inside their images) need nothing here. Throws an
// environment error (exit 3) naming the log when setup fails or leaves the target unfinished.
void ensure_target_setup(cli::Context& ctx, const targets::Target& target,
                         const std::filesystem::path& log_dir);

}  // namespace libcdiff::run
