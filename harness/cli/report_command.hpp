// `libcdiff report PATH`: re-render report.md, report.html and junit.xml from a comparison.json
// alone (any schema version from 1), byte for byte what the run wrote.
#pragma once

#include <string>

#include "cli/context.hpp"

namespace libcdiff::cli {

struct ReportOptions {
  std::string input;       // comparison.json or a results directory holding one
  std::string output_dir;  // empty = beside the input
  bool force = false;      // replace an -o directory that holds an earlier run
};

int report_command(Context& ctx, const ReportOptions& options);

}  // namespace libcdiff::cli
