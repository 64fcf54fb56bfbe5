// The last step of `run` and all of `compare`: the records become one comparison against the
// reference side, the CI policy is applied, the files are written and the summary printed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "model/case_catalog.hpp"
#include "model/comparison.hpp"
#include "model/run_record.hpp"

namespace libcdiff::run {

struct ComparisonChoices {
  std::vector<std::string> labels;  // per record, or empty (derived)
  std::string reference;            // side label or target id; empty = first glibc side
  std::string fail_on;              // --fail-on rules; empty = the default classes
  std::string acknowledgements;     // the team's libcdiff.toml; empty = ./libcdiff.toml when present
};

// Returns the exit code: 1 when the policy fails (unexpected differences by default), else 0.
int compare_and_report(cli::Context& ctx, const std::filesystem::path& out_dir,
                       const std::vector<model::RunRecord>& records, const ComparisonChoices& choices,
                       const model::CaseCatalog& catalog);

}  // namespace libcdiff::run
