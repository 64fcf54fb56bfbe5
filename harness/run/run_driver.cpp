#include "run/run_driver.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>

#include "collect/bench_runner.hpp"
#include "collect/provenance.hpp"
#include "run/driver_environment.hpp"
#include "run/target_runtime.hpp"
#include "run/target_setup.hpp"
#include "store/run_record_json.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::run {
namespace {

// Cases of an area that could not run on a target still appear, so the report says why.
void add_unrunnable_cases(model::RunRecord& record, const model::CaseCatalog& catalog,
                          const std::set<std::string>& only, const std::string& area, model::Outcome outcome,
                          const std::string& message) {
  for (const auto& [id, meta] : catalog.cases) {
    if (meta.area != area || (!only.empty() && only.count(id) == 0)) continue;
    const bool present =
        std::any_of(record.cases.begin(), record.cases.end(), [&](const auto& c) { return c.id == id; });
    if (!present) record.cases.push_back({id, area, outcome, message, {}, 0});
  }
}

// The private state of one run's container engine: in the cache, named after this process and the
// run's start, so concurrent runs never share a store (and container names stay short).
std::filesystem::path container_state_dir(const cli::Context& ctx) {
  return ctx.cache_dir / "containers" /
         (std::to_string(getpid()) + "-" +
          std::to_string(std::chrono::system_clock::to_time_t(ctx.clock.now())));
}

}  // namespace

std::map<std::string, std::string> suite_environment(const std::filesystem::path& home) {
  // A fixed, minimal environment: every libc sees the same variables, and no LANG/LC_*/TZ from the
  // caller's shell leaks into the observations.
  return {{"PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"}, {"HOME", home.string()}};
}

// Benchmark-only runs: the benchmark binaries identified their libc in their JSON context.
std::map<std::string, std::string> identity_from_benchmarks(
    const std::map<std::string, std::string>& context) {
  std::map<std::string, std::string> identity;
  for (const auto& [from, to] : std::map<std::string, std::string>{{"libc_family", "libc.family"},
                                                                   {"libc_version", "libc.version"},
                                                                   {"libc_path", "libc.path"},
                                                                   {"link_mode", "libc.link_mode"},
                                                                   {"compiler", "toolchain.compiler"},
                                                                   {"cxx_library", "toolchain.cxx_library"}})
    if (const auto it = context.find(from); it != context.end()) identity[to] = it->second;
  return identity;
}

RuntimeFactory real_runtimes(cli::Context& ctx) {
  return [&ctx](const targets::Target& target, exec::ContainerSession* session) -> std::unique_ptr<Runtime> {
    return std::make_unique<TargetRuntime>(ctx, target, session);
  };
}

RunDriver::RunDriver(cli::Context& ctx, RunPlan plan, const model::CaseCatalog& catalog,
                     RuntimeFactory runtimes, AreaHooks hooks)
    : ctx_(ctx),
      plan_(std::move(plan)),
      catalog_(catalog),
      runtimes_(std::move(runtimes)),
      hooks_(std::move(hooks)) {}

RunDriver::~RunDriver() = default;

AreaHook* RunDriver::hook_for(const std::string& area) const {
  for (const auto& h : hooks_)
    if (h->area() == area) return h.get();
  return nullptr;
}

void RunDriver::save(TargetRun& run) {
  store::save_run_record(run.record_path, run.record);
}

void RunDriver::set_up_targets() {
  if (!plan_.setup_targets) return;
  for (const auto& t : plan_.targets) {
    ensure_target_setup(ctx_, t, plan_.out_dir / "logs");
    if (ctx_.interrupted) return;
  }
}

void RunDriver::start(const std::function<void()>& on_unavailable) {
  // Container targets share one engine session; its destructor removes every container, image and
  // the private store on every way out of the run (results, exceptions, Ctrl-C).
  if (std::any_of(plan_.targets.begin(), plan_.targets.end(), [](const auto& t) { return t.in_container(); }))
    session_ = std::make_unique<exec::ContainerSession>(
        ctx_.runner, exec::SessionOptions{.engine = plan_.engine,
                                          .state_dir = container_state_dir(ctx_),
                                          .environment = ctx_.tool_environment,
                                          .limits = exec::read_hard_limits(),
                                          .rootless = ::geteuid() != 0});
  const auto started = util::iso8601_utc(ctx_.clock.now());
  for (const auto& t : plan_.targets) {
    TargetRun run{&t, {},    plan_.out_dir / store::run_record_file_name(t.id),
                  {}, false, runtimes_(t, session_.get())};
    try {
      run.runtime->check_available();  // fails fast, before any long build
    } catch (const Fatal&) {
      if (runs_.empty() && on_unavailable) on_unavailable();
      throw;
    }
    run.record.target = t.id;
    run.record.shard = plan_.shard;
    run.record.shard_plan = plan_.shard_plan;
    if (!plan_.label.empty()) run.record.label = t.id + "@" + plan_.label;
    run.record.target_description = t.description;
    run.record.location = plan_.out_dir;
    run.record.started_at = started;
    save(run);
    runs_.push_back(std::move(run));
  }
}

void RunDriver::build_all() {
  for (auto& run : runs_) {
    progress_->step("building suites for " + run.target->id);
    if (const auto what = run.runtime->build_description(); !what.empty()) progress_->note(what);
    run.build = run.runtime->build({.build_root = plan_.build_root,
                                    .areas = plan_.areas,
                                    .bench_areas = plan_.bench_areas,
                                    .log_dir = plan_.out_dir / "logs" / util::path_safe(run.target->id),
                                    .on_wait = [this](const std::string& what) { progress_->note(what); }});
    for (const auto& [key, bytes] : run.runtime->footprint()) run.record.footprint[key] = bytes;
    for (const auto& [area, b] : run.build.bench_areas)
      if (!b.error.empty()) progress_->note("bench " + area + ": " + b.error);
    for (const auto& [program, size] : run.build.program_sizes)
      run.record.footprint["size." + program] = size;
    if (!run.build.configure_error.empty()) progress_->note("error: " + run.build.configure_error);
    for (const auto& [area, b] : run.build.areas)
      if (!b.error.empty()) progress_->note(area + ": " + b.error);
    if (ctx_.interrupted) return;
  }
}

void RunDriver::resolve_provenance(TargetRun& run, const std::map<std::string, std::string>& identity) {
  const auto work_dir = plan_.out_dir / "logs" / util::path_safe(run.target->id);
  auto prefix = run.runtime->command_prefix("provenance", work_dir, suite_environment(work_dir));
  run.record.provenance =
      collect::resolve_provenance(ctx_.runner, {run.target, identity, ctx_.cache_dir, work_dir,
                                                std::move(prefix.launcher), std::move(prefix.environment)});
  if (prefix.after_use) prefix.after_use();
  if (const auto engine = run.runtime->engine_description(); !engine.empty())
    run.record.provenance.host["container"] = engine;
  run.record.provenance.harness_version = LIBCDIFF_VERSION;
  run.provenance_known = true;
}

collect::SuiteRunOptions RunDriver::suite_options(
    const std::string& area, TargetRun& run, const std::filesystem::path& sweep_dir,
    const std::map<std::string, std::string>& extra_environment) {
  const auto work_dir = plan_.out_dir / "logs" / util::path_safe(run.target->id);
  std::filesystem::create_directories(work_dir);
  collect::SuiteRunOptions options;
  options.timeout = plan_.timeout;
  options.work_dir = work_dir;
  options.extra_args = plan_.suite_args;
  auto environment = suite_environment(work_dir);
  options.case_marker = work_dir / (area + ".case");
  environment["LIBCDIFF_CASE_MARKER"] = options.case_marker.string();
  // Sweep tables (issue 12) go beside the logs; in a container the work dir is mounted at the same
  // path, and the container's user must be able to write there.
  std::filesystem::create_directories(sweep_dir);
  std::filesystem::permissions(sweep_dir, std::filesystem::perms::all, std::filesystem::perm_options::add);
  environment["LIBCDIFF_SWEEP_DIR"] = sweep_dir.string();
  AreaSetting setting;
  if (auto* hook = hook_for(area))
    setting = hook->prepare(work_dir, [this](const std::string& what) { progress_->note(what); });
  for (const auto& [k, v] : setting.environment) environment[k] = v;
  for (const auto& [k, v] : plan_.suite_environment) environment[k] = v;
  for (const auto& [k, v] : extra_environment) environment[k] = v;
  run.runtime->prepare_suite(options, area, environment, setting.lab);
  options.interrupted = &ctx_.interrupted;
  return options;
}

void RunDriver::run_area(const std::string& area, TargetRun& run) {
  progress_->step(run.target->id + " " + area);
  auto& record = run.record;
  const auto build = run.build.areas.find(area);
  const std::string build_error = !run.build.configure_error.empty() ? run.build.configure_error
                                  : build == run.build.areas.end()   ? "not built"
                                                                     : build->second.error;
  if (!build_error.empty()) {
    add_unrunnable_cases(record, catalog_, plan_.only_cases, area, model::Outcome::build_error, build_error);
    record.suites.push_back({area, "", model::SuiteStatus::build_error, build_error, 0, 0});
    save(run);
    return;
  }
  const auto sweep_dir = plan_.out_dir / "logs" / util::path_safe(run.target->id) / "sweeps";
  auto options = suite_options(area, run, sweep_dir, {});
  auto result = collect::run_suite(ctx_.runner, build->second.binary, area, options);
  if (ctx_.interrupted) return;  // keep only suites that finished
  if (!run.provenance_known && !result.output.identity.empty())
    resolve_provenance(run, result.output.identity);
  int counts[6] = {};
  for (const auto& c : result.output.cases) ++counts[static_cast<int>(c.outcome)];
  progress_->note(fmt::format("{} cases: {} pass, {} fail, {} skip, {} crash, {} timeout ({} ms)",
                              result.output.cases.size(), counts[0], counts[1], counts[2], counts[3],
                              counts[4], result.summary.elapsed_ms));
  if (result.summary.status != model::SuiteStatus::ok)
    progress_->note(to_string(result.summary.status) + ": " + result.summary.message);
  for (auto& c : result.output.cases) {
    // The suite names its table; the record keeps where it is in the results (only a file name is
    // taken from the suite's JSON, so a damaged one cannot point outside the sweep directory).
    if (c.sweep.present())
      c.sweep.table = std::filesystem::relative(sweep_dir / std::filesystem::path(c.sweep.table).filename(),
                                                plan_.out_dir)
                          .string();
    record.cases.push_back(std::move(c));
  }
  // A binary that died outside any case (or never started) produced no results: its cases become
  // that death, never silently absent.
  if (!model::suite_answered(result.summary.status))
    add_unrunnable_cases(record, catalog_, plan_.only_cases, area, model::Outcome::crash,
                         to_string(result.summary.status) + ": " + result.summary.message);
  record.suites.push_back(result.summary);
  save(run);  // incremental: a later failure keeps this suite
}

RunResult RunDriver::run(const std::function<void()>& on_unavailable) {
  RunResult result;
  set_up_targets();
  if (ctx_.interrupted) {
    result.interrupted = true;
    return result;
  }
  start(on_unavailable);
  progress_ =
      std::make_unique<ui::Progress>(ctx_.out, static_cast<int>(runs_.size() * (1 + plan_.areas.size())) +
                                                   (plan_.bench_areas.empty() ? 0 : plan_.bench_rounds));
  std::vector<std::string> ids;
  for (const auto& t : plan_.targets) ids.push_back(t.id);
  ctx_.out << "libcdiff run: " << util::join(ids, " vs ") << ", areas " << util::join(plan_.areas, ",")
           << " -> " << plan_.out_dir.string() << std::endl;
  build_all();
  // Interleaved: each area on every target before the next area, so a run cut short still compares.
  for (const auto& area : plan_.areas)
    for (auto& run : runs_)
      if (!ctx_.interrupted) run_area(area, run);
  if (!plan_.bench_areas.empty() && !ctx_.interrupted) run_benchmarks();
  result.interrupted = ctx_.interrupted;
  if (!result.interrupted)
    for (auto& run : runs_) {
      run.record.finished_at = util::iso8601_utc(ctx_.clock.now());
      save(run);
    }
  for (auto& run : runs_) {
    result.records.push_back(run.record);
    result.record_paths.push_back(run.record_path);
  }
  return result;
}

collect::SuiteRunResult RunDriver::rerun(std::size_t index, const std::string& area,
                                         const std::vector<std::string>& args,
                                         const std::map<std::string, std::string>& environment,
                                         const std::string& tag) {
  if (index >= runs_.size())
    throw Fatal(ExitCode::usage, "rerun", "target index " + std::to_string(index) + " is not in the run",
                "call run() first");
  auto& run = runs_[index];
  const auto build = run.build.areas.find(area);
  if (!run.build.configure_error.empty() || build == run.build.areas.end() || !build->second.error.empty())
    throw Fatal(ExitCode::environment, run.target->id + " " + area, "the suite did not build",
                "see the build log under " + (plan_.out_dir / "logs").string());
  const auto sweep_dir =
      plan_.out_dir / "logs" / util::path_safe(run.target->id) / "sweeps" / util::path_safe(tag);
  auto options = suite_options(area, run, sweep_dir, environment);
  options.extra_args.insert(options.extra_args.end(), args.begin(), args.end());
  auto result = collect::run_suite(ctx_.runner, build->second.binary, area, options);
  for (auto& c : result.output.cases)
    if (c.sweep.present())
      c.sweep.table = (sweep_dir / std::filesystem::path(c.sweep.table).filename()).string();
  return result;
}

}  // namespace libcdiff::run
