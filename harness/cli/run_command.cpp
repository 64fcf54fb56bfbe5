#include "cli/run_command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

#include "cli/target_runtime.hpp"
#include "cli/target_setup.hpp"
#include "collect/bench_runner.hpp"
#include "collect/dns_lab.hpp"
#include "collect/provenance.hpp"
#include "collect/suite_builder.hpp"
#include "collect/suite_runner.hpp"
#include "store/case_catalog_toml.hpp"
#include "store/image_differences_toml.hpp"
#include "store/results_dir.hpp"
#include "store/run_record_json.hpp"
#include "ui/progress.hpp"
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

// Cases of an area that could not run on a target still appear, so the report says why.
void add_unrunnable_cases(model::RunRecord& record, const model::CaseCatalog& catalog,
                          const std::string& area, model::Outcome outcome, const std::string& message) {
  for (const auto& [id, meta] : catalog.cases) {
    if (meta.area != area) continue;
    const bool present =
        std::any_of(record.cases.begin(), record.cases.end(), [&](const auto& c) { return c.id == id; });
    if (!present) record.cases.push_back({id, area, outcome, message, {}});
  }
}

std::map<std::string, std::string> suite_environment(const std::filesystem::path& home) {
  // A fixed, minimal environment: both libcs see the same variables, and no LANG/LC_*/TZ from the
  // caller's shell leaks into the observations.
  return {{"PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"}, {"HOME", home.string()}};
}

struct TargetRun {
  const targets::Target* target;
  model::RunRecord record;
  std::filesystem::path record_path;
  collect::BuildResult build;
  bool provenance_known = false;
  std::unique_ptr<TargetRuntime> runtime;
};

// The private state of one run's container engine: in the cache, named after this process and the
// run's start, so concurrent runs never share a store (and container names stay short).
std::filesystem::path container_state_dir(const Context& ctx, std::chrono::system_clock::time_point started) {
  return ctx.cache_dir / "containers" /
         (std::to_string(getpid()) + "-" + std::to_string(std::chrono::system_clock::to_time_t(started)));
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
  if (!options.bench && !options.bench_only) bench_areas.clear();
  if (!options.engine.empty() && options.engine != "podman" && options.engine != "docker")
    throw usage_error("--engine " + options.engine, "is not a container engine libcdiff drives",
                      "use --engine podman or --engine docker");
  if (options.timeout_seconds <= 0)
    throw usage_error("--timeout", "must be a positive number of seconds", "pass e.g. --timeout 120");

  std::vector<std::string> ids;
  for (const auto* t : chosen) ids.push_back(t->id);
  const auto started = ctx.clock.now();
  const bool default_output = options.output_dir.empty();
  const auto runs_root = ctx.repo_root / "results" / "runs";
  // Claimed before any long work (a bad -o fails in a second) and never shared with another run.
  const std::filesystem::path out_dir =
      default_output ? store::claim_new_run_dir(runs_root, store::run_dir_name(started, ids))
                     : std::filesystem::path(options.output_dir);
  if (!default_output) store::claim_output_dir(out_dir, options.force);

  for (const auto* t : chosen) {
    ensure_target_setup(ctx, *t, out_dir / "logs");
    if (ctx.interrupted) {
      ctx.err << "libcdiff: interrupted while setting up " << t->id << "; nothing of it was kept."
              << std::endl;
      return 130;
    }
  }

  // Container targets share one engine session; its destructor removes every container, image and
  // the private store on every way out of this function (results, exceptions, Ctrl-C).
  std::unique_ptr<exec::ContainerSession> session;
  if (std::any_of(chosen.begin(), chosen.end(), [](const auto* t) { return t->in_container(); }))
    session = std::make_unique<exec::ContainerSession>(
        ctx.runner, exec::SessionOptions{.engine = options.engine,
                                         .state_dir = container_state_dir(ctx, started),
                                         .environment = ctx.tool_environment,
                                         .limits = exec::read_hard_limits(),
                                         .rootless = ::geteuid() != 0});

  const std::filesystem::path build_root = options.build_dir.empty()
                                               ? ctx.repo_root / "build" / "targets"
                                               : std::filesystem::path(options.build_dir);
  std::vector<TargetRun> runs;
  for (const auto* t : chosen) {
    TargetRun run{t,  {},    out_dir / store::run_record_file_name(t->id),
                  {}, false, std::make_unique<TargetRuntime>(ctx, *t, session.get())};
    try {
      run.runtime->check_available();  // fails fast, before any long build
    } catch (const Fatal&) {
      std::error_code ignored;
      // A default run directory made a moment ago goes again (remove() only deletes it while empty).
      if (default_output && runs.empty()) std::filesystem::remove(out_dir, ignored);
      throw;
    }
    run.record.target = t->id;
    if (!options.label.empty()) run.record.label = t->id + "@" + options.label;
    run.record.target_description = t->description;
    run.record.started_at = util::iso8601_utc(started);
    store::save_run_record(run.record_path, run.record);
    runs.push_back(std::move(run));
  }

  const int bench_rounds = options.repetitions > 0 ? options.repetitions : options.quick ? 5 : 9;
  ui::Progress progress(
      ctx.out, static_cast<int>(runs.size() * (1 + areas.size())) + (bench_areas.empty() ? 0 : bench_rounds));
  ctx.out << "libcdiff run: " << util::join(ids, " vs ") << ", areas " << util::join(areas, ",") << " -> "
          << out_dir.string() << std::endl;
  for (auto& run : runs) {
    progress.step("building suites for " + run.target->id);
    if (const auto what = run.runtime->build_description(); !what.empty()) progress.note(what);
    run.build =
        run.runtime->build({.build_root = build_root,
                            .areas = areas,
                            .bench_areas = bench_areas,
                            .log_dir = out_dir / "logs" / util::path_safe(run.target->id),
                            .on_wait = [&progress](const std::string& what) { progress.note(what); }});
    for (const auto& [key, bytes] : run.runtime->footprint()) run.record.footprint[key] = bytes;
    for (const auto& [area, b] : run.build.bench_areas)
      if (!b.error.empty()) progress.note("bench " + area + ": " + b.error);
    for (const auto& [program, size] : run.build.program_sizes)
      run.record.footprint["size." + program] = size;
    if (!run.build.configure_error.empty()) progress.note("error: " + run.build.configure_error);
    for (const auto& [area, b] : run.build.areas)
      if (!b.error.empty()) progress.note(area + ": " + b.error);
    if (ctx.interrupted) break;
  }

  for (const auto& area : areas) {
    for (auto& run : runs) {
      if (ctx.interrupted) break;
      progress.step(run.target->id + " " + area);
      auto& record = run.record;
      const auto build = run.build.areas.find(area);
      const std::string build_error = !run.build.configure_error.empty() ? run.build.configure_error
                                      : build == run.build.areas.end()   ? "not built"
                                                                         : build->second.error;
      if (!build_error.empty()) {
        add_unrunnable_cases(record, catalog, area, model::Outcome::build_error, build_error);
        record.suites.push_back({area, "", model::SuiteStatus::build_error, build_error, 0, 0});
      } else {
        const auto work_dir = out_dir / "logs" / util::path_safe(run.target->id);
        std::filesystem::create_directories(work_dir);
        collect::SuiteRunOptions suite_options;
        suite_options.timeout = std::chrono::seconds(options.timeout_seconds);
        suite_options.work_dir = work_dir;
        auto environment = suite_environment(work_dir);
        suite_options.case_marker = work_dir / (area + ".case");
        environment["LIBCDIFF_CASE_MARKER"] = suite_options.case_marker.string();
        collect::DnsLab lab;
        if (area == "dns") {
          // The resolver cases need the lab; without it they skip, each with the reason.
          lab = collect::probe_dns_lab(ctx.runner, ctx.repo_root, work_dir / "dns-lab");
          if (lab.available) {
            std::filesystem::create_directories(work_dir / "dns-lab");
          } else {
            environment["LIBCDIFF_DNS_LAB_UNAVAILABLE"] = lab.reason;
            progress.note(lab.reason);
          }
        }
        run.runtime->prepare_suite(suite_options, area, environment, lab.available ? &lab : nullptr);
        suite_options.interrupted = &ctx.interrupted;
        auto result = collect::run_suite(ctx.runner, build->second.binary, area, suite_options);
        if (ctx.interrupted) break;  // keep only suites that finished
        if (!run.provenance_known && !result.output.identity.empty()) {
          auto prefix = run.runtime->command_prefix("provenance", work_dir, suite_environment(work_dir));
          record.provenance = collect::resolve_provenance(
              ctx.runner, {run.target, result.output.identity, ctx.cache_dir, work_dir,
                           std::move(prefix.launcher), std::move(prefix.environment)});
          if (run.target->in_container())
            record.provenance.host["container"] = run.runtime->engine_description();
          record.provenance.harness_version = LIBCDIFF_VERSION;
          run.provenance_known = true;
        }
        int counts[6] = {};
        for (const auto& c : result.output.cases) ++counts[static_cast<int>(c.outcome)];
        progress.note(fmt::format("{} cases: {} pass, {} fail, {} skip, {} crash, {} timeout ({} ms)",
                                  result.output.cases.size(), counts[0], counts[1], counts[2], counts[3],
                                  counts[4], result.summary.elapsed_ms));
        if (result.summary.status != model::SuiteStatus::ok)
          progress.note(to_string(result.summary.status) + ": " + result.summary.message);
        for (auto& c : result.output.cases) record.cases.push_back(std::move(c));
        // A binary that died outside any case (or never started) produced no results: its cases
        // become that death, never silently absent.
        if (!model::suite_answered(result.summary.status))
          add_unrunnable_cases(record, catalog, area, model::Outcome::crash,
                               to_string(result.summary.status) + ": " + result.summary.message);
        record.suites.push_back(result.summary);
      }
      store::save_run_record(run.record_path, record);  // incremental: a later failure keeps this suite
    }
  }

  if (!bench_areas.empty() && !ctx.interrupted) {
    std::vector<collect::BenchTarget> bench_targets;
    const auto bench_environment = suite_environment(out_dir / "logs");
    for (auto& run : runs) {
      collect::BenchTarget t{&run.record, {}, out_dir / "logs" / util::path_safe(run.target->id), {}, {}, {}};
      for (const auto& [area, b] : run.build.bench_areas)
        if (!b.binary.empty()) t.binaries[area] = b.binary;
      if (run.target->in_container()) {
        auto prefix = run.runtime->command_prefix("bench", t.work_dir, bench_environment);
        t.launcher = std::move(prefix.launcher);
        t.launcher_environment = std::move(prefix.environment);
        t.after_run = [&engine = session->engine(), name = prefix.container_name] {
          engine.remove_container(name);
        };
      }
      bench_targets.push_back(std::move(t));
    }
    collect::BenchRunOptions bench_options;
    bench_options.rounds = bench_rounds;
    bench_options.min_time_seconds = options.quick ? 0.02 : 0.1;
    bench_options.environment = bench_environment;
    bench_options.interrupted = &ctx.interrupted;
    bench_options.after_round = [&](int round, int rounds) {
      progress.step(
          fmt::format("benchmarks: round {}/{} done ({} interleaved)", round, rounds, util::join(ids, ", ")));
      for (auto& run : runs) store::save_run_record(run.record_path, run.record);
    };
    for (const auto& problem : collect::run_benchmarks_interleaved(ctx.runner, bench_targets, bench_options))
      progress.note("benchmark problem: " + problem);
    // Benchmark-only runs: the benchmark binaries identified their libc in their JSON context.
    for (auto& run : runs) {
      const auto& bc = run.record.benchmark_context;
      if (run.provenance_known || bc.count("libc_family") == 0) continue;
      std::map<std::string, std::string> identity;
      for (const auto& [from, to] :
           std::map<std::string, std::string>{{"libc_family", "libc.family"},
                                              {"libc_version", "libc.version"},
                                              {"libc_path", "libc.path"},
                                              {"link_mode", "libc.link_mode"},
                                              {"compiler", "toolchain.compiler"},
                                              {"cxx_library", "toolchain.cxx_library"}})
        if (const auto it = bc.find(from); it != bc.end()) identity[to] = it->second;
      const auto work_dir = out_dir / "logs" / util::path_safe(run.target->id);
      auto prefix = run.runtime->command_prefix("provenance", work_dir, suite_environment(work_dir));
      run.record.provenance = collect::resolve_provenance(
          ctx.runner, {run.target, identity, ctx.cache_dir, work_dir, std::move(prefix.launcher),
                       std::move(prefix.environment)});
      run.record.provenance.harness_version = LIBCDIFF_VERSION;
      run.provenance_known = true;
    }
  }

  if (ctx.interrupted) {
    ctx.err << "libcdiff: interrupted; the suites that finished are kept in " << out_dir.string()
            << " (run records are marked unfinished)." << std::endl;
    return 130;
  }
  for (auto& run : runs) {
    run.record.finished_at = util::iso8601_utc(ctx.clock.now());
    store::save_run_record(run.record_path, run.record);
  }
  if (default_output)
    if (const auto problem = store::update_latest_link(runs_root, out_dir); !problem.empty())
      ctx.err << "libcdiff: warning: " << problem << std::endl;
  if (runs.size() < 2) {
    ctx.out << "\nRun record: " << runs[0].record_path.string() << " (one target: nothing to compare)\n";
    // Nothing to compare is not "all clear": a suite that did not build or died has no answer.
    int errors = 0;
    for (const auto& c : runs[0].record.cases)
      errors += c.outcome == model::Outcome::build_error || c.outcome == model::Outcome::crash ||
                        c.outcome == model::Outcome::timeout
                    ? 1
                    : 0;
    if (errors == 0) return 0;
    ctx.err << "libcdiff: error: target " << runs[0].target->id << ": " << errors
            << " cases did not build, crashed or timed out. See " << runs[0].record_path.string()
            << std::endl;
    return static_cast<int>(ExitCode::unexpected_difference);
  }
  std::vector<model::RunRecord> records;
  for (const auto& r : runs) records.push_back(r.record);
  return run::compare_and_report(ctx, out_dir, records, options.choices, policy, catalog);
}

}  // namespace libcdiff::cli
