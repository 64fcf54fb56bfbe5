// The last step of `run` and all of `compare`: the records become one comparison against the
// reference side, the CI policy (--fail-on, the team's acknowledgements) is applied, the files are
// written and the summary printed.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "compare/estimator.hpp"
#include "compare/policy.hpp"
#include "model/acknowledgement.hpp"
#include "model/case_catalog.hpp"
#include "model/comparison.hpp"
#include "model/run_record.hpp"

namespace libcdiff::run {

struct ComparisonChoices {
  std::vector<std::string> labels;  // per record, or empty (derived)
  std::string reference;            // side label or target id; empty = first glibc side
  std::string fail_on;              // --fail-on rules; empty = "unexpected"
  std::string acknowledgements;     // the team's libcdiff.toml; empty = ./libcdiff.toml when present
  std::string baseline;             // the last accepted run's results directory (or comparison.json)
  std::string estimator;            // --estimator: median (default) or p<N> (compare/estimator.hpp)
};

// The policy, read and checked before any long work: a typo in --fail-on or libcdiff.toml fails in
// a second, not after an hour of suites.
struct Policy {
  compare::FailOn fail_on;
  std::vector<model::Acknowledgement> acknowledgements;
  std::string acknowledgements_file;  // "" when none
  std::optional<model::Comparison> baseline;
  std::string baseline_description;  // "<path> (<generated_at>)"
  compare::Estimator estimator;      // what benchmark ratios divide
};
// `check_case_ids` false: the acknowledged ids are not checked against the catalog (a project's
// tests are known only after they ran; an entry that matches none is reported stale then).
Policy load_policy(const ComparisonChoices& choices, const model::CaseCatalog& catalog,
                   const std::filesystem::path& working_dir, bool check_case_ids = true);

// Marks each case the policy fails (policy_failure) or the team acknowledged (acknowledgement), and
// notes stale and expired entries. `today` is YYYY-MM-DD.
void apply_policy(model::Comparison& comparison, const Policy& policy, const std::string& today);

// Returns the exit code: 1 when the policy fails, else 0. `enrich`, when given, adds to the
// comparison before the policy and the files (`test` adds log differences and hints).
int compare_and_report(cli::Context& ctx, const std::filesystem::path& out_dir,
                       const std::vector<model::RunRecord>& records, const ComparisonChoices& choices,
                       const Policy& policy, const model::CaseCatalog& catalog,
                       const std::function<void(model::Comparison&)>& enrich = {});

}  // namespace libcdiff::run
