#include "run/compare_and_report.hpp"

#include "compare/baseline.hpp"
#include "compare/bench_compare.hpp"
#include "compare/bench_describe.hpp"
#include "compare/compare_runs.hpp"
#include "store/acknowledgements_toml.hpp"
#include "store/benchmark_catalog_toml.hpp"
#include "store/comparison_file.hpp"
#include "store/comparison_outputs.hpp"
#include "ui/summary.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::run {

Policy load_policy(const ComparisonChoices& choices, const model::CaseCatalog& catalog,
                   const std::filesystem::path& working_dir, bool check_case_ids) {
  Policy policy;
  policy.fail_on = compare::parse_fail_on(choices.fail_on.empty() ? "unexpected" : choices.fail_on);
  policy.estimator = compare::parse_estimator(choices.estimator);
  if (!choices.baseline.empty()) {
    std::filesystem::path path(choices.baseline);
    if (std::filesystem::is_directory(path)) path /= "comparison.json";
    policy.baseline = store::load_comparison(path);  // a bad baseline fails now, not after the run
    policy.baseline_description = path.parent_path().string() + " (" + policy.baseline->generated_at + ")";
  } else if (policy.fail_on.only_new) {
    throw usage_error("--fail-on new", "needs a baseline to tell what is new",
                      "add --baseline RESULTS_DIR (the last accepted run)");
  }
  std::filesystem::path file = choices.acknowledgements;
  std::error_code ec;
  if (file.empty() && std::filesystem::exists(working_dir / store::kAcknowledgementsFile, ec))
    file = working_dir / store::kAcknowledgementsFile;
  if (file.empty()) return policy;
  policy.acknowledgements = store::load_acknowledgements(file);
  policy.acknowledgements_file = file.string();
  if (check_case_ids)
    store::require_known_cases(policy.acknowledgements,
                               [&](const std::string& id) { return catalog.find(id) != nullptr; });
  return policy;
}

void apply_policy(model::Comparison& comparison, const Policy& policy, const std::string& today) {
  const auto result = compare::apply_policy(comparison, policy.fail_on, policy.acknowledgements, today);
  comparison.policy = compare::to_string(policy.fail_on);
  for (auto& k : comparison.cases) {
    const auto it = result.verdicts.find(k.id);
    if (it == result.verdicts.end()) continue;
    const auto& v = it->second;
    k.policy_failure = v.fails ? v.why : "";
    k.acknowledgement.clear();
    if (v.ack != nullptr && !v.ack_expired && !v.fails)
      k.acknowledgement = v.ack->reason + (v.ack->expires ? " (until " + *v.ack->expires + ")" : "");
  }
  comparison.policy_notes.clear();
  for (const auto& id : result.expired)
    comparison.policy_notes.push_back(id + ": " + result.verdicts.at(id).why + " (" +
                                      result.verdicts.at(id).ack->source + ")");
  for (const auto* ack : result.stale)
    comparison.policy_notes.push_back(ack->case_id + ": stale acknowledgement (" + ack->source +
                                      "): the case did not differ; remove the entry");
}

int compare_and_report(cli::Context& ctx, const std::filesystem::path& out_dir,
                       const std::vector<model::RunRecord>& records, const ComparisonChoices& choices,
                       const Policy& policy, const model::CaseCatalog& catalog,
                       const std::function<void(model::Comparison&)>& enrich) {
  const auto now = util::iso8601_utc(ctx.clock.now());
  auto comparison = compare::compare_runs(
      records, {choices.labels, choices.reference, out_dir / "sweeps", out_dir}, catalog, now);
  compare::BenchOptions bench_options;
  bench_options.estimator = policy.estimator;
  compare::compare_benchmarks(records, bench_options, comparison);
  if (comparison.has_benchmarks())
    compare::describe_benchmarks(comparison, store::load_benchmark_catalog(ctx.repo_root / "benchmarks"));
  if (enrich) enrich(comparison);
  if (policy.baseline)
    compare::compare_with_baseline(comparison, *policy.baseline, policy.baseline_description);
  apply_policy(comparison, policy, now.substr(0, 10));
  const auto report = store::write_comparison_outputs(out_dir, comparison);
  ctx.out << ui::render_summary(comparison, report);
  return comparison.has_unexpected() ? static_cast<int>(ExitCode::unexpected_difference) : 0;
}

}  // namespace libcdiff::run
