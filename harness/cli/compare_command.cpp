#include "cli/compare_command.hpp"

#include <algorithm>

#include "store/case_catalog_toml.hpp"
#include "store/comparison_file.hpp"
#include "store/image_differences_toml.hpp"
#include "store/results_dir.hpp"
#include "store/run_record_json.hpp"
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

// The order of the sides a results directory's comparison.json lists, or empty: a directory written
// by `run` keeps the order the run was given.
std::vector<std::string> side_order(const std::filesystem::path& dir) {
  std::error_code ec;
  const auto path = dir / "comparison.json";
  if (!std::filesystem::is_regular_file(path, ec)) return {};
  try {
    std::vector<std::string> ids;
    for (const auto& t : store::load_comparison(path).targets) ids.push_back(t.id);
    return ids;
  } catch (const Fatal&) {
    return {};  // a damaged comparison.json does not stop a comparison of the records themselves
  }
}

bool is_glibc(const model::RunRecord& r) {
  return r.provenance.libc.family == "glibc" ||
         (r.provenance.libc.family.empty() && r.target.starts_with("glibc"));
}

}  // namespace

int compare_command(Context& ctx, const CompareOptions& options) {
  std::vector<model::RunRecord> records;
  for (const auto& input : options.inputs) {
    std::vector<model::RunRecord> here;
    for (const auto& path : records_at(input)) here.push_back(store::load_run_record(path));
    // Within one directory: the order its run was given, else musl sides before glibc sides.
    const auto order = std::filesystem::is_directory(input) ? side_order(input) : std::vector<std::string>{};
    const auto rank = [&](const model::RunRecord& r) {
      const auto it = std::find(order.begin(), order.end(), r.target);
      return it == order.end() ? order.size() : static_cast<std::size_t>(it - order.begin());
    };
    std::stable_partition(here.begin(), here.end(), [](const auto& r) { return !is_glibc(r); });
    std::stable_sort(here.begin(), here.end(),
                     [&](const auto& x, const auto& y) { return rank(x) < rank(y); });
    for (auto& r : here) records.push_back(std::move(r));
  }
  if (records.size() < 2)
    throw input_error(util::join(options.inputs, " "), "holds one run record, and a comparison needs two",
                      "pass two or more runs: libcdiff compare RUN_A RUN_B");
  auto choices = options.choices;
  if (!options.labels.empty()) {
    choices.labels = util::split(options.labels, ',');
    if (choices.labels.size() != records.size())
      throw usage_error("--labels " + options.labels,
                        "gives " + std::to_string(choices.labels.size()) + " labels for " +
                            std::to_string(records.size()) + " run records",
                        "give one label per run record, in the order of the inputs");
  }

  model::CaseCatalog catalog = store::load_case_catalog(ctx.repo_root / "suites");
  store::load_image_differences(catalog, ctx.repo_root / "docker" / "local" / "image-differences.toml");
  const auto policy = run::load_policy(choices, catalog, std::filesystem::current_path());
  const auto now = ctx.clock.now();
  std::vector<std::string> targets;
  for (const auto& r : records) targets.push_back(r.target);
  const bool default_output = options.output_dir.empty();
  const auto runs_root = ctx.repo_root / "results" / "runs";
  const std::filesystem::path out_dir =
      default_output ? store::claim_new_run_dir(runs_root, store::run_dir_name(now, targets))
                     : std::filesystem::path(options.output_dir);
  if (!default_output) store::claim_output_dir(out_dir, options.force);
  return run::compare_and_report(ctx, out_dir, records, choices, policy, catalog);
}

}  // namespace libcdiff::cli
