// The benchmark part of a run (DESIGN §6, issue 16): wall-clock rounds interleaved across targets,
// pinned, with a varying environment size and adaptive extra rounds; allocator variants; and the
// valgrind instruction counts.
#include <fmt/format.h>

#include "collect/bench_runner.hpp"
#include "collect/instruction_counter.hpp"
#include "compare/bench_precision.hpp"
#include "run/driver_environment.hpp"
#include "run/run_driver.hpp"
#include "util/text.hpp"

namespace libcdiff::run {
namespace {

// The areas whose benchmarks each run in their own process (peak RSS per benchmark) and that the
// allocator variants run.
const std::set<std::string> kAllocationAreas{"malloc", "workloads"};

}  // namespace

void RunDriver::run_benchmarks() {
  if (plan_.bench_time) run_timed_benchmarks();
  if (plan_.bench_instructions && !ctx_.interrupted) count_benchmark_instructions();
  for (auto& run : runs_)
    if (!run.provenance_known && run.record.benchmark_context.count("libc_family"))
      resolve_provenance(run, identity_from_benchmarks(run.record.benchmark_context));
  for (auto& run : runs_) save(run);
}

std::set<std::string> RunDriver::imprecise_benchmarks() const {
  const model::RunRecord* reference = nullptr;
  for (const auto& run : runs_)
    if (run.target->id == plan_.bench_reference || run.record.label == plan_.bench_reference)
      reference = &run.record;
  for (const auto& run : runs_)
    if (!reference && run.target->libc_family == "glibc") reference = &run.record;
  if (!reference && !runs_.empty()) reference = &runs_.back().record;
  std::vector<const model::RunRecord*> sides;
  for (const auto& run : runs_)
    if (&run.record != reference) sides.push_back(&run.record);
  return compare::imprecise_benchmarks(sides, *reference, plan_.bench_precision,
                                       plan_.bench_estimator.quantile, 20261130);
}

void RunDriver::run_timed_benchmarks() {
  std::vector<collect::BenchTarget> targets;
  const auto environment = suite_environment(plan_.out_dir / "logs");
  for (auto& run : runs_) {
    collect::BenchTarget t;
    t.record = &run.record;
    t.work_dir = plan_.out_dir / "logs" / util::path_safe(run.target->id);
    for (const auto& [area, b] : run.build.bench_areas)
      if (!b.binary.empty()) t.binaries[area] = b.binary;
    if (run.target->in_container()) {
      auto prefix = run.runtime->command_prefix("bench", t.work_dir, environment);
      t.launcher = std::move(prefix.launcher);
      t.launcher_environment = std::move(prefix.environment);
      t.after_run = prefix.after_use;
    }
    targets.push_back(t);
    // Allocator variants: setup builds them for the dynamic local targets (LD_PRELOAD needs a
    // dynamic program, and a container would need the library inside).
    if (run.target->in_container() || run.target->link_mode != "dynamic") continue;
    for (const auto& allocator : plan_.allocators) {
      const auto library =
          ctx_.cache_dir / "bench-deps" / run.target->id / "lib" / ("lib" + allocator + ".so");
      if (!std::filesystem::exists(library)) {
        progress_->note(fmt::format("{} is not built for {} ({} is missing); run scripts/setup.sh", allocator,
                                    run.target->id, library.string()));
        continue;
      }
      auto variant = t;
      variant.variant = allocator;
      variant.extra_environment = {{"LD_PRELOAD", library.string()}};
      variant.only_areas = kAllocationAreas;
      targets.push_back(std::move(variant));
    }
  }
  collect::BenchRunOptions options;
  options.rounds = plan_.bench_rounds;
  options.min_time_seconds = plan_.bench_min_time_seconds;
  options.samples_per_process = plan_.bench_samples_per_round;
  options.environment = environment;
  options.interrupted = &ctx_.interrupted;
  options.pin_cpu = collect::last_allowed_cpu();
  options.isolated_areas = kAllocationAreas;
  options.multi_threaded_areas = {"threads", "malloc", "workloads"};
  if (plan_.bench_precision > 0) {
    options.max_rounds = plan_.bench_max_rounds;
    options.budget = plan_.bench_budget;
    options.clock = &ctx_.clock;
    options.imprecise = [this] { return imprecise_benchmarks(); };
  }
  for (auto& run : runs_) {
    run.record.benchmark_context["pinned_cpu"] = options.pin_cpu ? std::to_string(*options.pin_cpu) : "none";
    run.record.benchmark_context["layout_pad"] = "LIBCDIFF_LAYOUT_PAD varies per round";
  }
  std::vector<std::string> ids;
  for (const auto& t : plan_.targets) ids.push_back(t.id);
  options.after_round = [&](int round, int rounds) {
    if (round <= rounds && round <= plan_.bench_rounds)
      progress_->step(
          fmt::format("benchmarks: round {}/{} done ({} interleaved)", round, rounds, util::join(ids, ", ")));
    else
      progress_->note(fmt::format(
          "benchmarks: adaptive round {} done (rows wider than ±{:.0f}% or whose halves disagree repeat)",
          round, plan_.bench_precision * 100));
    for (auto& run : runs_) save(run);
  };
  for (const auto& problem : collect::run_benchmarks_interleaved(ctx_.runner, targets, options))
    progress_->note("benchmark problem: " + problem);
}

void RunDriver::count_benchmark_instructions() {
  std::vector<collect::InstructionTarget> targets;
  for (auto& run : runs_) {
    if (run.target->in_container()) {
      progress_->note(run.target->id +
                      ": instructions are counted on local targets only (valgrind runs here)");
      continue;
    }
    collect::InstructionTarget t;
    t.record = &run.record;
    t.work_dir = plan_.out_dir / "logs" / util::path_safe(run.target->id);
    for (const auto& [area, b] : run.build.bench_areas)
      if (!b.binary.empty()) t.binaries[area] = b.binary;
    targets.push_back(std::move(t));
  }
  collect::InstructionOptions options;
  options.environment = suite_environment(plan_.out_dir / "logs");
  options.interrupted = &ctx_.interrupted;
  int last_percent = -1;
  options.progress = [&](const std::string& target, const std::string& name, int done, int total) {
    const int percent = total > 0 ? done * 10 / total * 10 : 0;
    if (percent == last_percent) return;
    last_percent = percent;
    progress_->note(
        fmt::format("instructions: {}% of {} counts (now {} on {})", percent, total, name, target));
  };
  for (const auto& problem : collect::count_instructions(ctx_.runner, targets, options))
    progress_->note("instruction count problem: " + problem);
}

}  // namespace libcdiff::run
