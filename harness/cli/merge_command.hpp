// `libcdiff merge RUN_DIR...` (issue 15): the results directories of `run --shard I/N` (one per CI
// runner) joined into one comparison, as if one run had run every case (shard/merge_records.hpp).
#pragma once

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "run/compare_and_report.hpp"

namespace libcdiff::cli {

struct MergeOptions {
  std::vector<std::string> inputs;  // shard results directories (or run-<target>.json files)
  std::string output_dir;           // default results/runs/<time>_<A>_vs_<B>
  bool force = false;
  std::string history;  // "" = not recorded; else the history database to record the comparison in
  run::ComparisonChoices choices;
};

int merge_command(Context& ctx, const MergeOptions& options);

}  // namespace libcdiff::cli
