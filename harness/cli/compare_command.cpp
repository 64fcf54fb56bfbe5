#include "cli/compare_command.hpp"

#include "compare/bench_compare.hpp"
#include "compare/compare_runs.hpp"
#include "store/case_catalog_toml.hpp"
#include "store/comparison_outputs.hpp"
#include "store/image_differences_toml.hpp"
#include "store/results_dir.hpp"
#include "store/run_record_json.hpp"
#include "ui/summary.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::cli {
namespace {

std::vector<std::filesystem::path> records_at(const std::string& input) {
  const std::filesystem::path path(input);
  if (!std::filesystem::exists(path))
    throw input_error(
        input, "no such results directory or run record",
        "pass a directory written by 'libcdiff run' (e.g. results/runs/latest) or a run-<target>.json");
  if (!std::filesystem::is_directory(path)) return {path};
  auto records = store::run_records_in(path);
  if (records.empty())
    throw input_error(input, "contains no run-<target>.json", "pass a directory written by 'libcdiff run'");
  return records;
}

std::string names(const std::vector<std::filesystem::path>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) out.push_back(p.filename().string());
  return util::join(out, ", ");
}

std::filesystem::path single_record(const std::string& input) {
  const auto records = records_at(input);
  if (records.size() != 1)
    throw input_error(
        input, "holds " + std::to_string(records.size()) + " run records (" + names(records) + ")",
        "name one file, e.g. " + (std::filesystem::path(input) / records[0].filename()).string());
  return records[0];
}

}  // namespace

int compare_command(Context& ctx, const CompareOptions& options) {
  std::filesystem::path path_a, path_b;
  if (options.b.empty()) {
    const auto records = records_at(options.a);
    if (records.size() != 2)
      throw input_error(options.a, "holds " + std::to_string(records.size()) + " run record(s), not two",
                        "pass two inputs: libcdiff compare A B");
    path_a = records[0];
    path_b = records[1];
  } else {
    path_a = single_record(options.a);
    path_b = single_record(options.b);
  }
  model::RunRecord a = store::load_run_record(path_a);
  model::RunRecord b = store::load_run_record(path_b);
  // Keep the conventional order: musl on the left, glibc (the reference) on the right.
  const auto is_glibc = [](const model::RunRecord& r) {
    return r.provenance.libc.family == "glibc" ||
           (r.provenance.libc.family.empty() && r.target.starts_with("glibc"));
  };
  if (is_glibc(a) && !is_glibc(b)) std::swap(a, b);

  model::CaseCatalog catalog = store::load_case_catalog(ctx.repo_root / "suites");
  store::load_image_differences(catalog, ctx.repo_root / "docker" / "local" / "image-differences.toml");
  const auto now = ctx.clock.now();
  const bool default_output = options.output_dir.empty();
  const auto runs_root = ctx.repo_root / "results" / "runs";
  const std::filesystem::path out_dir =
      default_output ? store::claim_new_run_dir(runs_root, store::run_dir_name(now, {a.target, b.target}))
                     : std::filesystem::path(options.output_dir);
  if (!default_output) store::claim_output_dir(out_dir, options.force);
  auto comparison = compare::compare_runs(a, b, catalog, util::iso8601_utc(now));
  compare::compare_benchmarks(a, b, {}, comparison);
  const auto report = store::write_comparison_outputs(out_dir, comparison, catalog, ctx.runner);
  ctx.out << ui::render_summary(comparison, report);
  return comparison.has_unexpected() ? static_cast<int>(ExitCode::unexpected_difference) : 0;
}

}  // namespace libcdiff::cli
