// `libcdiff run`: build the suites per target, run them, keep every result, compare, report.
#pragma once

#include <string>

#include "cli/context.hpp"
#include "run/compare_and_report.hpp"

namespace libcdiff::cli {

struct RunOptions {
  std::string targets = "musl,glibc";  // two or more
  std::string label;                   // "" or a name: sides are labelled <target>@<label>
  run::ComparisonChoices choices;
  std::string areas;              // comma list; empty = every area with a cases.toml
  std::string output_dir;         // empty = results/runs/<UTC time>_<A>_vs_<B>
  std::string build_dir;          // empty = <repo>/build/targets
  int timeout_seconds = 120;      // per suite attempt
  bool bench = false;             // also run the benchmarks
  bool bench_only = false;        // only the benchmarks
  bool quick = false;             // fewer, shorter benchmark rounds (CI)
  int repetitions = 0;            // benchmark rounds; 0 = 9, or 5 with --quick
  int samples_per_round = 0;      // repetitions per benchmark process; 0 = 5, or 1 with --quick
  std::string metric = "time";    // time | instructions | both
  double precision_percent = -1;  // adaptive rounds to +-this % (0: fixed rounds); -1 = 5, or 0 with --quick
  int bench_budget_minutes = 30;  // adaptive rounds stop after this much benchmark time
  std::string allocators;         // comma list or "none"; "" = mimalloc,jemalloc, or none with --quick
  std::string engine;             // container targets: podman | docker | "" (detect)
  bool force = false;
  std::string history;  // "" = not recorded; else the history database to record the comparison in // replace
                        // an -o directory that holds an earlier run
  std::string shard;    // "I/N": this runner's part of the cases (issue 15); "" = all
  std::string shard_durations;  // a results directory whose case times balance the shards
  std::string cases;            // comma list of case ids: only these run; "" = every case of the areas
};

int run_command(Context& ctx, const RunOptions& options);

}  // namespace libcdiff::cli
