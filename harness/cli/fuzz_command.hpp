// `libcdiff fuzz`: differential fuzzing of the parsers (issue 12 item 4) on two targets. Builds and
// starts the targets as `run` does, then per fuzz case (sweeps.toml kind = "fuzz") generates batches
// until --fuzz-time (or exactly --fuzz-count inputs), minimises and clusters the differences
// (fuzz/fuzz_session.hpp) and writes fuzz.json, fuzz.md and every differing input per case.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cli/context.hpp"

namespace libcdiff::cli {

struct FuzzOptions {
  std::string targets = "musl,glibc";       // exactly two
  std::string cases;                        // comma list of fuzz case ids or areas; empty = every fuzz case
  std::optional<std::uint64_t> seed;        // default: from the clock, printed and recorded
  double fuzz_time = 60;                    // seconds of generation per case
  std::optional<std::uint64_t> fuzz_count;  // exactly this many inputs per case instead
  std::string output_dir;                   // default results/fuzz/<time>_<A>_vs_<B>
  std::string build_dir;                    // default <repo>/build/targets
  int timeout_seconds = 300;                // per suite attempt
  std::string engine;
  bool force = false;
};

int fuzz_command(Context& ctx, const FuzzOptions& options);

}  // namespace libcdiff::cli
