// `libcdiff compare RUN...`: compare saved runs without re-running anything. Each RUN is a results
// directory (all its run records) or one run-<target>.json; together they are the sides, every
// side classified against the reference.
#pragma once

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "run/compare_and_report.hpp"

namespace libcdiff::cli {

struct CompareOptions {
  std::vector<std::string> inputs;
  std::string labels;  // comma list, one per run record in order; empty = derived
  run::ComparisonChoices choices;
  std::string output_dir;  // empty = results/runs/<UTC time>_<A>_vs_<B>...
  bool force = false;      // replace an -o directory that holds an earlier run
};

int compare_command(Context& ctx, const CompareOptions& options);

}  // namespace libcdiff::cli
