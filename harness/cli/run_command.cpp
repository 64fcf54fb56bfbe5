#include "cli/run_command.hpp"

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "cli/bench_options.hpp"
#include "cli/case_selection.hpp"
#include "cli/history_command.hpp"
#include "collect/bench_runner.hpp"
#include "collect/suite_builder.hpp"
#include "run/dns_lab_hook.hpp"
#include "run/run_driver.hpp"
#include "shard/shard_plan.hpp"
#include "store/case_catalog_toml.hpp"
#include "store/image_differences_toml.hpp"
#include "store/results_dir.hpp"
#include "store/run_record_json.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::cli {
namespace {

// The requested areas, split into correctness areas and benchmark areas; every name must be one or both.
std::pair<std::vector<std::string>, std::vector<std::string>> select_areas(
    const model::CaseCatalog& catalog, const std::vector<std::string>& bench_known, const std::string& list) {
  const auto known = catalog.area_names();
  if (list.empty()) return {known, bench_known};
  std::vector<std::string> areas, bench;
  std::vector<std::string> all = known;
  all.insert(all.end(), bench_known.begin(), bench_known.end());
  std::vector<std::string> seen;
  for (const auto& a : util::split(list, ',')) {
    if (std::find(seen.begin(), seen.end(), a) != seen.end()) continue;  // "locale,locale" runs once
    seen.push_back(a);
    const bool is_bench = std::find(bench_known.begin(), bench_known.end(), a) != bench_known.end();
    if (is_bench) bench.push_back(a);
    if (std::find(known.begin(), known.end(), a) == known.end()) {
      if (is_bench) continue;
      const auto guess = util::closest_match(a, all);
      throw usage_error(a, "is not a known area",
                        (guess ? "did you mean '" + *guess + "'? " : std::string()) + "Known areas: " +
                            util::join(known, ", ") + "; benchmark areas: " + util::join(bench_known, ", "));
    }
    areas.push_back(a);
  }
  return {areas, bench};
}

// The part of the run this shard does; prints what it chose.
void apply_shard(Context& ctx, const RunOptions& options, const model::CaseCatalog& catalog,
                 run::RunPlan& plan) {
  const auto spec = shard::ShardSpec::parse(options.shard);
  std::vector<std::pair<std::string, std::string>> cases;
  for (const auto& area : plan.areas)
    for (const auto& [id, meta] : catalog.cases)
      if (meta.area == area) cases.emplace_back(id, area);
  std::map<std::string, double> seconds;
  if (!options.shard_durations.empty()) {
    const std::filesystem::path dir(options.shard_durations);
    const auto paths = std::filesystem::is_directory(dir) ? store::run_records_in(dir)
                                                          : std::vector<std::filesystem::path>{dir};
    if (paths.empty())
      throw input_error(options.shard_durations, "holds no run-<target>.json",
                        "pass the results directory of an earlier run, or leave --shard-durations out");
    for (const auto& path : paths)
      for (const auto& c : store::load_run_record(path).cases)
        seconds[c.id] = std::max(seconds[c.id], c.seconds);
  }
  const auto work = shard::plan_shard(spec, cases, plan.areas, plan.bench_areas, seconds);
  // Every shard of one split computes the same fingerprint from the same inputs; merge compares them.
  std::string inputs = std::to_string(spec.count);
  for (const auto& [id, area] : cases)
    inputs += "|" + id + (seconds.count(id) ? fmt::format("={:.3f}", seconds.at(id)) : "");
  for (const auto& b : plan.bench_areas) inputs += "|bench:" + b;
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : inputs) h = (h ^ c) * 0x100000001b3ull;
  plan.shard = spec.text();
  plan.shard_plan = fmt::format("{:016x}", h);
  plan.only_cases = work.cases;
  plan.areas = work.areas;
  plan.bench_areas = work.bench_areas;
  if (!work.cases.empty()) plan.suite_args.push_back(shard::gtest_filter(work.cases));
  ctx.out << fmt::format("shard {}: {} of {} cases in {} areas, {} benchmark areas{} (plan {})\n", plan.shard,
                         work.cases.size(), cases.size(), work.areas.size(), work.bench_areas.size(),
                         seconds.empty() ? ", round-robin"
                                         : fmt::format(", balanced by {} (about {:.0f} s)",
                                                       options.shard_durations, work.expected_seconds),
                         plan.shard_plan);
}

}  // namespace

int run_command(Context& ctx, const RunOptions& options) {
  const auto chosen_targets = targets::parse_target_list(options.targets);
  std::vector<const targets::Target*> chosen;
  for (const auto& t : chosen_targets) chosen.push_back(&t);
  if (options.label.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") !=
      std::string::npos)
    throw usage_error("--label " + options.label, "may hold only letters, digits, '.', '_' and '-'",
                      "pass e.g. --label nightly or --label 2026-11-30");
  model::CaseCatalog catalog = store::load_case_catalog(ctx.repo_root / "suites");
  store::load_image_differences(catalog, ctx.repo_root / "docker" / "local" / "image-differences.toml");
  if (!options.choices.reference.empty()) {
    bool named = false;
    for (const auto* t : chosen)
      named |= options.choices.reference == t->id || options.choices.reference == t->id + "@" + options.label;
    if (!named)
      throw usage_error("--reference " + options.choices.reference, "names none of the targets of this run",
                        "pass one of: " + options.targets);
  }
  const auto policy = run::load_policy(options.choices, catalog, std::filesystem::current_path());
  auto [areas, bench_areas] = select_areas(catalog, collect::benchmark_areas(ctx.repo_root), options.areas);
  if (options.bench_only && bench_areas.empty())
    throw usage_error("--bench-only --areas " + options.areas, "names no benchmark area",
                      "benchmark areas: " + util::join(collect::benchmark_areas(ctx.repo_root), ", "));
  if (options.bench_only) areas.clear();
  CaseSelection only;
  if (!options.cases.empty()) {
    if (!options.shard.empty())
      throw usage_error("--cases with --shard", "are two ways of choosing cases", "use one of them");
    only = select_cases(catalog, options.cases, areas);
    areas = only.areas;
  }
  if (!options.bench && !options.bench_only) bench_areas.clear();
  if (!options.engine.empty() && options.engine != "podman" && options.engine != "docker")
    throw usage_error("--engine " + options.engine, "is not a container engine libcdiff drives",
                      "use --engine podman or --engine docker");
  if (!options.shard.empty()) shard::ShardSpec::parse(options.shard);  // a bad --shard fails before any work
  if (!options.shard_durations.empty() && options.shard.empty())
    throw usage_error("--shard-durations", "only balances shards", "add --shard I/N, or leave it out");
  if (options.timeout_seconds <= 0)
    throw usage_error("--timeout", "must be a positive number of seconds", "pass e.g. --timeout 120");
  {
    run::RunPlan check;  // the benchmark options fail here, before the results directory is claimed
    check.bench_areas = bench_areas;
    apply_bench_options(options, check);
  }

  std::vector<std::string> ids;
  for (const auto* t : chosen) ids.push_back(t->id);
  const auto started = ctx.clock.now();
  const bool default_output = options.output_dir.empty();
  const auto runs_root = ctx.repo_root / "results" / "runs";
  // Claimed before any long work (a bad -o fails in a second) and never shared with another run.
  const std::filesystem::path out_dir =
      default_output ? store::claim_new_run_dir(runs_root, store::run_dir_name(started, ids))
                     : std::filesystem::absolute(options.output_dir);  // the suites run in other directories
  if (!default_output) store::claim_output_dir(out_dir, options.force);

  run::RunPlan plan;
  plan.targets = chosen_targets;
  plan.areas = areas;
  plan.bench_areas = bench_areas;
  plan.out_dir = out_dir;
  plan.build_root = options.build_dir.empty() ? ctx.repo_root / "build" / "targets"
                                              : std::filesystem::path(options.build_dir);
  plan.label = options.label;
  plan.timeout = std::chrono::seconds(options.timeout_seconds);
  plan.bench_rounds = options.repetitions > 0 ? options.repetitions : options.quick ? 5 : 9;
  plan.bench_min_time_seconds = options.quick ? 0.02 : 0.1;
  apply_bench_options(options, plan);
  plan.bench_reference = options.choices.reference;
  plan.engine = options.engine;
  if (!options.shard.empty()) apply_shard(ctx, options, catalog, plan);
  if (!only.cases.empty()) {
    plan.only_cases = only.cases;
    plan.suite_args.push_back(shard::gtest_filter(only.cases));
  }
  run::RunDriver driver(ctx, std::move(plan), catalog, run::real_runtimes(ctx),
                        run::default_area_hooks(ctx.runner, ctx.repo_root));
  const auto result = driver.run([&] {
    std::error_code ignored;
    // A default run directory made a moment ago goes again (remove() only deletes it while empty).
    if (default_output) std::filesystem::remove(out_dir, ignored);
  });
  if (result.interrupted) {
    ctx.err << "libcdiff: interrupted; the suites that finished are kept in " << out_dir.string()
            << " (run records are marked unfinished)." << std::endl;
    return 130;
  }
  if (default_output)
    if (const auto problem = store::update_latest_link(runs_root, out_dir); !problem.empty())
      ctx.err << "libcdiff: warning: " << problem << std::endl;
  if (result.records.size() < 2) {
    const auto& record = result.records[0];
    ctx.out << "\nRun record: " << result.record_paths[0].string() << " (one target: nothing to compare)\n";
    // Nothing to compare is not "all clear": a suite that did not build or died has no answer.
    int errors = 0;
    for (const auto& c : record.cases)
      errors += c.outcome == model::Outcome::build_error || c.outcome == model::Outcome::crash ||
                        c.outcome == model::Outcome::timeout
                    ? 1
                    : 0;
    if (errors == 0) return 0;
    ctx.err << "libcdiff: error: target " << record.target << ": " << errors
            << " cases did not build, crashed or timed out. See " << result.record_paths[0].string()
            << std::endl;
    return static_cast<int>(ExitCode::unexpected_difference);
  }
  const int status = run::compare_and_report(ctx, out_dir, result.records, options.choices, policy, catalog);
  if (!options.history.empty()) record_history(ctx, options.history, out_dir);
  return status;
}

}  // namespace libcdiff::cli
