// The benchmark options of `run` (issue 16) checked and turned into the plan's fields, before any
// work starts: a bad --allocators or a missing valgrind fails in a second, not after the build.
#pragma once

#include "cli/run_command.hpp"
#include "run/run_driver.hpp"

namespace libcdiff::cli {

// Throws a usage error naming the option for bad values, an environment error when
// --metric instructions|both is asked for and valgrind or objcopy is not on PATH.
void apply_bench_options(const RunOptions& options, run::RunPlan& plan);

// The allocators libcdiff knows how to preload (setup builds them per target).
const std::vector<std::string>& known_allocators();

}  // namespace libcdiff::cli
