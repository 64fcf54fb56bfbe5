// `libcdiff compare A [B]`: compare saved runs without re-running anything. A and B are results
// directories or run-<target>.json files; a single directory with two run records compares those.
#pragma once

#include <string>

#include "cli/context.hpp"

namespace libcdiff::cli {

struct CompareOptions {
  std::string a;
  std::string b;
  std::string output_dir;  // empty = results/runs/<UTC time>_<A>_vs_<B>
  bool force = false;      // replace an -o directory that holds an earlier run
};

int compare_command(Context& ctx, const CompareOptions& options);

}  // namespace libcdiff::cli
