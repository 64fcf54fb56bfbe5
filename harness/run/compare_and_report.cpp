#include "run/compare_and_report.hpp"

#include "compare/bench_compare.hpp"
#include "compare/compare_runs.hpp"
#include "store/comparison_outputs.hpp"
#include "ui/summary.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::run {

int compare_and_report(cli::Context& ctx, const std::filesystem::path& out_dir,
                       const std::vector<model::RunRecord>& records, const ComparisonChoices& choices,
                       const model::CaseCatalog& catalog) {
  auto comparison = compare::compare_runs(records, {choices.labels, choices.reference}, catalog,
                                          util::iso8601_utc(ctx.clock.now()));
  compare::compare_benchmarks(records, {}, comparison);
  const auto report = store::write_comparison_outputs(out_dir, comparison);
  ctx.out << ui::render_summary(comparison, report);
  return comparison.has_unexpected() ? static_cast<int>(ExitCode::unexpected_difference) : 0;
}

}  // namespace libcdiff::run
