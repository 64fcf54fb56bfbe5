#include "cli/merge_command.hpp"

#include <algorithm>
#include <map>

#include "cli/history_command.hpp"
#include "shard/merge_records.hpp"
#include "store/case_catalog_toml.hpp"
#include "store/comparison_file.hpp"
#include "store/image_differences_toml.hpp"
#include "store/results_dir.hpp"
#include "store/run_record_json.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::cli {

int merge_command(Context& ctx, const MergeOptions& options) {
  // Side by side, in the order the sides first appear.
  std::vector<std::string> order;
  std::map<std::string, std::vector<shard::ShardRecord>> sides;
  for (const auto& input : options.inputs) {
    const std::filesystem::path path(input);
    if (!std::filesystem::exists(path))
      throw input_error(input, "no such results directory or run record",
                        "pass the directories that 'libcdiff run --shard I/N' wrote");
    const auto records = std::filesystem::is_directory(path) ? store::run_records_in(path)
                                                             : std::vector<std::filesystem::path>{path};
    if (records.empty())
      throw input_error(input, "contains no run-<target>.json",
                        "pass a directory written by 'libcdiff run --shard'");
    for (const auto& record_path : records) {
      auto record = store::load_run_record(record_path);  // a truncated or corrupt file: one line naming it
      const std::string side = record.label.empty() ? record.target : record.label;
      if (!sides.count(side)) order.push_back(side);
      sides[side].push_back({record_path, std::move(record)});
    }
  }
  // The sides in the order the first shard's comparison lists them (the run's --targets order),
  // else musl before glibc, as `compare` orders a directory.
  std::vector<std::string> listed;
  if (std::filesystem::is_directory(options.inputs.front())) try {
      for (const auto& t :
           store::load_comparison(std::filesystem::path(options.inputs.front()) / "comparison.json").targets)
        listed.push_back(t.id);
    } catch (const Fatal&) {
    }
  const auto rank = [&](const std::string& side) {
    const auto it = std::find(listed.begin(), listed.end(), side);
    if (it != listed.end()) return static_cast<std::size_t>(it - listed.begin());
    return listed.size() + (sides[side].front().record.provenance.libc.family == "glibc" ? 1 : 0);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](const auto& x, const auto& y) { return rank(x) < rank(y); });
  // Sides seen in fewer inputs than others: a shard directory without that side's record.
  std::size_t most = 0;
  for (const auto& [side, shards] : sides) most = std::max(most, shards.size());
  for (const auto& [side, shards] : sides)
    if (shards.size() != most)
      throw input_error(
          side,
          "has " + std::to_string(shards.size()) + " shard records, other sides have " + std::to_string(most),
          "every shard runs every target: pass complete shard directories");
  if (sides.size() < 2)
    throw input_error(util::join(options.inputs, " "),
                      "holds the shards of one side only, and a comparison needs two",
                      "merge shard directories of a run with two or more targets");

  const auto now = ctx.clock.now();
  const bool default_output = options.output_dir.empty();
  const auto runs_root = ctx.repo_root / "results" / "runs";
  std::vector<std::string> targets;
  for (const auto& side : order) targets.push_back(sides[side].front().record.target);
  const std::filesystem::path out_dir =
      default_output ? store::claim_new_run_dir(runs_root, store::run_dir_name(now, targets))
                     : std::filesystem::path(options.output_dir);
  if (!default_output) store::claim_output_dir(out_dir, options.force);

  std::vector<model::RunRecord> merged;
  for (const auto& side : order) {
    merged.push_back(shard::merge_shards(sides[side], out_dir));
    store::save_run_record(out_dir / store::run_record_file_name(merged.back().target), merged.back());
    ctx.out << "merged " << side << ": " << sides[side].size() << " records, " << merged.back().cases.size()
            << " cases\n";
  }
  model::CaseCatalog catalog = store::load_case_catalog(ctx.repo_root / "suites");
  store::load_image_differences(catalog, ctx.repo_root / "docker" / "local" / "image-differences.toml");
  const auto policy = run::load_policy(options.choices, catalog, std::filesystem::current_path());
  const int status = run::compare_and_report(ctx, out_dir, merged, options.choices, policy, catalog);
  if (!options.history.empty()) record_history(ctx, options.history, out_dir);
  return status;
}

}  // namespace libcdiff::cli
