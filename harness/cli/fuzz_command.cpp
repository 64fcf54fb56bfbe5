#include "cli/fuzz_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "compare/sweep_compare.hpp"
#include "fuzz/fuzz_report.hpp"
#include "fuzz/fuzz_session.hpp"
#include "run/dns_lab_hook.hpp"
#include "run/run_driver.hpp"
#include "store/atomic_file.hpp"
#include "store/case_catalog_toml.hpp"
#include "store/results_dir.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::cli {
namespace {

// The fuzz cases the user asked for: ids or areas, in catalog order.
std::vector<const sweep::SweepMeta*> select_cases(const sweep::SweepCatalog& sweeps,
                                                  const std::string& list) {
  std::vector<const sweep::SweepMeta*> all;
  std::vector<std::string> names;
  std::set<std::string> areas;
  for (const auto& [id, meta] : sweeps.sweeps)
    if (meta.fuzz) {
      all.push_back(&meta);
      names.push_back(id);
      areas.insert(meta.area);
    }
  if (all.empty())
    throw Fatal(ExitCode::usage, "suites/*/sweeps.toml", "has no fuzz case (kind = \"fuzz\")",
                "add one (suites/common/fuzz_driver.hpp)");
  if (list.empty()) return all;
  std::vector<const sweep::SweepMeta*> chosen;
  for (const auto& word : util::split(list, ',')) {
    bool found = false;
    for (const auto* meta : all)
      if (meta->id == word || meta->area == word) {
        found = true;
        if (std::find(chosen.begin(), chosen.end(), meta) == chosen.end()) chosen.push_back(meta);
      }
    if (!found) {
      auto known = names;
      known.insert(known.end(), areas.begin(), areas.end());
      const auto guess = util::closest_match(word, known);
      throw usage_error("--cases " + word, "is not a fuzz case or an area with one",
                        (guess ? "did you mean '" + *guess + "'? " : std::string()) +
                            "Fuzz cases: " + util::join(names, ", "));
    }
  }
  return chosen;
}

// Runs one fuzz case on the targets the driver built and started.
class DriverEvaluator final : public fuzz::CaseEvaluator {
 public:
  DriverEvaluator(run::RunDriver& driver, const sweep::SweepMeta& meta, std::vector<std::string> target_ids,
                  std::filesystem::path out_dir)
      : driver_(driver), meta_(meta), target_ids_(std::move(target_ids)), out_dir_(std::move(out_dir)) {}

  std::filesystem::path run(std::size_t side, const std::map<std::string, std::string>& environment,
                            const std::string& tag) override {
    auto env = environment;
    // The inputs file must be where the suite can read it, also in a container: the target's logs.
    if (const auto it = env.find("LIBCDIFF_FUZZ_INPUTS"); it != env.end()) {
      const auto dir = out_dir_ / "logs" / util::path_safe(target_ids_[side]) / "fuzz-inputs";
      std::filesystem::create_directories(dir);
      const auto copy = dir / std::filesystem::path(it->second).filename();
      std::filesystem::copy_file(it->second, copy, std::filesystem::copy_options::overwrite_existing);
      it->second = copy.string();
    }
    const auto result = driver_.rerun(side, meta_.area, {"--gtest_filter=" + meta_.id}, env, tag);
    for (const auto& c : result.output.cases) {
      if (c.id != meta_.id) continue;
      if (c.sweep.present() && std::filesystem::exists(c.sweep.table)) return c.sweep.table;
      throw Fatal(
          ExitCode::environment, target_ids_[side] + " " + meta_.id,
          "wrote no table (" + model::to_string(c.outcome) +
              (c.message.empty() ? "" : ": " + c.message.substr(0, 300)) + ")",
          "see the suite's log under " + (out_dir_ / "logs" / util::path_safe(target_ids_[side])).string());
    }
    throw Fatal(
        ExitCode::environment, target_ids_[side] + " " + meta_.id,
        "did not run (" + model::to_string(result.summary.status) + ": " + result.summary.message + ")",
        "see the suite's log under " + (out_dir_ / "logs" / util::path_safe(target_ids_[side])).string());
  }

 private:
  run::RunDriver& driver_;
  const sweep::SweepMeta& meta_;
  std::vector<std::string> target_ids_;
  std::filesystem::path out_dir_;
};

std::string reproduce_command(const FuzzOptions& options, std::uint64_t seed,
                              const std::vector<fuzz::FuzzCaseResult>& results) {
  if (results.empty()) return "(no case finished: nothing to reproduce)";
  std::vector<std::string> ids;
  std::uint64_t most = 0;
  for (const auto& r : results) {
    ids.push_back(r.id);
    most = std::max(most, r.inputs);
  }
  // One count for all cases reproduces each exactly only when they ran the same number of inputs;
  // fuzz.json has each case's own count.
  std::set<std::uint64_t> counts;
  for (const auto& r : results) counts.insert(r.inputs);
  if (counts.size() > 1 && !ids.empty())
    return fmt::format("libcdiff fuzz --targets {} --seed {} --cases <case> --fuzz-count <its inputs>",
                       options.targets, seed);
  return fmt::format("libcdiff fuzz --targets {} --seed {} --cases {} --fuzz-count {}", options.targets, seed,
                     util::join(ids, ","), most);
}

}  // namespace

int fuzz_command(Context& ctx, const FuzzOptions& options) {
  const auto chosen_targets = targets::parse_target_list(options.targets);
  if (chosen_targets.size() != 2)
    throw usage_error("--targets " + options.targets,
                      "names " + std::to_string(chosen_targets.size()) + " targets",
                      "fuzzing compares exactly two, e.g. --targets musl,glibc");
  if (!(options.fuzz_time > 0))
    throw usage_error("--fuzz-time", "must be a positive number of seconds", "pass e.g. --fuzz-time 60");
  if (options.fuzz_count && *options.fuzz_count == 0)
    throw usage_error("--fuzz-count 0", "evaluates nothing", "pass a positive count, or leave it out");
  model::CaseCatalog catalog = store::load_case_catalog(ctx.repo_root / "suites");
  if (!catalog.sweeps) throw Fatal(ExitCode::usage, "suites", "has no sweeps.toml", "check the checkout");
  const auto cases = select_cases(*catalog.sweeps, options.cases);
  const std::uint64_t seed =
      options.seed
          ? *options.seed
          : static_cast<std::uint64_t>(
                std::chrono::duration_cast<std::chrono::seconds>(ctx.clock.now().time_since_epoch()).count());

  std::vector<std::string> ids;
  for (const auto& t : chosen_targets) ids.push_back(t.id);
  const auto started = ctx.clock.now();
  const bool default_output = options.output_dir.empty();
  const std::filesystem::path out_dir =
      default_output
          ? store::claim_new_run_dir(ctx.repo_root / "results" / "fuzz", store::run_dir_name(started, ids))
          : std::filesystem::absolute(options.output_dir);  // the suites run in other directories
  if (!default_output) store::claim_output_dir(out_dir, options.force);

  std::vector<std::string> areas, case_ids;
  for (const auto* meta : cases) {
    case_ids.push_back(meta->id);
    if (std::find(areas.begin(), areas.end(), meta->area) == areas.end()) areas.push_back(meta->area);
  }
  run::RunPlan plan;
  plan.targets = chosen_targets;
  plan.areas = areas;
  plan.out_dir = out_dir;
  plan.build_root = options.build_dir.empty() ? ctx.repo_root / "build" / "targets"
                                              : std::filesystem::path(options.build_dir);
  plan.timeout = std::chrono::seconds(options.timeout_seconds);
  plan.engine = options.engine;
  // The first pass builds, starts and identifies the targets with a small batch of every case.
  plan.suite_args = {"--gtest_filter=" + util::join(case_ids, ":")};
  plan.suite_environment = {{"LIBCDIFF_FUZZ_SEED", std::to_string(seed)}, {"LIBCDIFF_FUZZ_COUNT", "100"}};
  run::RunDriver driver(ctx, plan, catalog, run::real_runtimes(ctx),
                        run::default_area_hooks(ctx.runner, ctx.repo_root));
  const auto first = driver.run([&] {
    std::error_code ignored;
    if (default_output) std::filesystem::remove(out_dir, ignored);
  });

  fuzz::FuzzReport report;
  report.seed = seed;
  report.started_at = util::iso8601_utc(started);
  report.budget = options.fuzz_count ? util::thousands(*options.fuzz_count) + " inputs per case"
                                     : fmt::format("{:g} s of generation per case", options.fuzz_time);
  for (const auto& r : first.records)
    report.sides.push_back(
        {r.target, r.provenance.libc.family + " " + r.provenance.libc.version, r.provenance.compiler});
  const auto write = [&] {
    report.command = reproduce_command(options, seed, report.cases);
    fuzz::write_fuzz_json(report, *catalog.sweeps, out_dir / "fuzz.json");
    store::write_file_atomically(out_dir / "fuzz.md", fuzz::fuzz_markdown(report, *catalog.sweeps));
  };
  if (first.interrupted || first.records.size() != 2) {
    report.interrupted = true;
    write();
    ctx.err << "libcdiff: interrupted; nothing was fuzzed. " << out_dir.string() << std::endl;
    return 130;
  }

  fuzz::FuzzLimits limits;
  limits.seed = seed;
  limits.count = options.fuzz_count;
  limits.time = std::chrono::milliseconds(static_cast<long long>(options.fuzz_time * 1000));
  const auto a = compare::sweep_side_identity(first.records[0]);
  const auto b = compare::sweep_side_identity(first.records[1]);
  ctx.out << fmt::format("libcdiff fuzz: {} cases, seed {}, {}\n", cases.size(), seed, report.budget);
  for (const auto* meta : cases) {
    if (ctx.interrupted) {
      report.interrupted = true;
      break;
    }
    sweep::SweepClassifier classifier(meta->expectations, a, b);
    DriverEvaluator evaluator(driver, *meta, ids, out_dir);
    ctx.out << "== " << meta->id << std::endl;
    try {
      report.cases.push_back(
          fuzz::fuzz_case(evaluator, *meta, classifier, limits, ctx.clock, out_dir,
                          [&](const std::string& line) { ctx.out << "   " << line << std::endl; }));
    } catch (const Fatal&) {
      // Ctrl-C stops the suite under way, which reads as "did not run": say what happened instead.
      if (ctx.interrupted) {
        report.interrupted = true;
        break;
      }
      write();  // the cases that finished stay on disk
      throw;
    }
    const auto& r = report.cases.back();
    std::size_t unexpected = 0;
    for (const auto& c : r.clusters) unexpected += c.expectation < 0 ? 1 : 0;
    ctx.out << fmt::format("   {} inputs, {} differ ({} unexpected), {} clusters ({} unexpected)\n",
                           util::thousands(r.inputs), util::thousands(r.differing),
                           util::thousands(r.unexpected), r.clusters.size(), unexpected);
    write();
  }
  write();
  const std::size_t unexpected = fuzz::unexpected_clusters(report);
  ctx.out << "\nReport: " << (out_dir / "fuzz.md").string() << "\nReproduce: " << report.command << "\n";
  if (report.interrupted) {
    ctx.err << "libcdiff: interrupted; the cases that finished are in " << out_dir.string() << std::endl;
    return 130;
  }
  if (unexpected > 0) {
    ctx.err << "libcdiff: " << unexpected << " clusters of unexpected differences; see "
            << (out_dir / "fuzz.md").string() << std::endl;
    return static_cast<int>(ExitCode::unexpected_difference);
  }
  return 0;
}

}  // namespace libcdiff::cli
