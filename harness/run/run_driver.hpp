// The driver that owns a run (issue 10): per target it sets up the toolchain on first use, starts
// the runtime (and one container session for image targets), builds, runs every area's suite with
// the area's hook, runs the benchmarks interleaved, resolves provenance and keeps each target's run
// record on disk after every suite. It never compares: `compare_and_report` does that.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "compare/estimator.hpp"
#include "exec/container_session.hpp"
#include "model/case_catalog.hpp"
#include "model/run_record.hpp"
#include "run/area_hook.hpp"
#include "run/runtime.hpp"
#include "targets/target.hpp"
#include "ui/progress.hpp"

namespace libcdiff::run {

struct RunPlan {
  std::vector<targets::Target> targets;
  std::vector<std::string> areas;        // correctness areas, in order
  std::vector<std::string> bench_areas;  // empty: no benchmarks
  std::filesystem::path out_dir;         // claimed by the caller
  std::filesystem::path build_root;
  std::string label;                  // "" or the run's label: sides become <target>@<label>
  std::chrono::seconds timeout{120};  // per suite attempt
  int bench_rounds = 9;
  double bench_min_time_seconds = 0.1;
  int bench_samples_per_round = 1;  // Google Benchmark repetitions per process
  // Issue 16: what is measured (wall clock, valgrind instruction counts or both); adaptive rounds
  // until every single-threaded ratio's 95% interval is within +-bench_precision (0: fixed rounds),
  // at most bench_max_rounds and bench_budget; allocators preloaded where setup built them.
  bool bench_time = true;
  bool bench_instructions = false;
  double bench_precision = 0;
  compare::Estimator bench_estimator;  // the ratio the precision is judged on (--estimator)
  int bench_max_rounds = 0;
  std::chrono::seconds bench_budget{0};
  std::vector<std::string> allocators;
  std::string bench_reference;  // side label or target id the precision is judged against; "" = first glibc
  std::string engine;           // container targets: podman | docker | "" (detect)
  bool setup_targets = true;    // run setup for targets whose toolchain is missing
  // Passed to every suite binary, e.g. --gtest_filter=Regex.FuzzRegex (`libcdiff fuzz`).
  std::vector<std::string> suite_args;
  // Added to every suite's environment, e.g. LIBCDIFF_FUZZ_SEED.
  std::map<std::string, std::string> suite_environment;
  // `run --shard`: only these cases run (suite_args holds their filter) and only they stand in for
  // a suite that could not run; empty: every case of the areas. `shard`/`shard_plan` go to the records.
  std::set<std::string> only_cases;
  std::string shard;
  std::string shard_plan;
};

struct RunResult {
  std::vector<model::RunRecord> records;  // in plan order
  std::vector<std::filesystem::path> record_paths;
  bool interrupted = false;
};

// Makes the runtime of one target; the real one is TargetRuntime, tests pass a fake.
using RuntimeFactory =
    std::function<std::unique_ptr<Runtime>(const targets::Target&, exec::ContainerSession* session)>;
RuntimeFactory real_runtimes(cli::Context& ctx);

class RunDriver {
 public:
  RunDriver(cli::Context& ctx, RunPlan plan, const model::CaseCatalog& catalog, RuntimeFactory runtimes,
            AreaHooks hooks);
  ~RunDriver();

  // Throws the runtime's Fatal when a target cannot run here (nothing written but empty records'
  // directory, which `on_unavailable` may remove). Interrupted runs return with `interrupted` set and
  // the suites that finished kept on disk.
  RunResult run(const std::function<void()>& on_unavailable = {});

  // After run(): the suite of `area` once more on target `index` (plan order), with `args` and
  // `environment` added to the plan's. Its sweep tables go to <out>/logs/<target>/sweeps/<tag>/, and
  // each case's sweep.table is returned as an absolute path. Nothing is added to the run record.
  // For `libcdiff fuzz`, which evaluates batch after batch on targets that are built and started once.
  collect::SuiteRunResult rerun(std::size_t index, const std::string& area,
                                const std::vector<std::string>& args,
                                const std::map<std::string, std::string>& environment,
                                const std::string& tag);

 private:
  struct TargetRun {
    const targets::Target* target;
    model::RunRecord record;
    std::filesystem::path record_path;
    collect::BuildResult build;
    bool provenance_known = false;
    std::unique_ptr<Runtime> runtime;
  };
  void set_up_targets();
  void start(const std::function<void()>& on_unavailable);
  void build_all();
  void run_area(const std::string& area, TargetRun& run);
  // The options and environment one suite of `run` starts with; tables go to `sweep_dir`.
  collect::SuiteRunOptions suite_options(const std::string& area, TargetRun& run,
                                         const std::filesystem::path& sweep_dir,
                                         const std::map<std::string, std::string>& extra_environment);
  void run_benchmarks();  // run_driver_bench.cpp
  void run_timed_benchmarks();
  void count_benchmark_instructions();
  std::set<std::string> imprecise_benchmarks() const;
  void resolve_provenance(TargetRun& run, const std::map<std::string, std::string>& identity);
  void save(TargetRun& run);
  AreaHook* hook_for(const std::string& area) const;

  cli::Context& ctx_;
  RunPlan plan_;
  const model::CaseCatalog& catalog_;
  RuntimeFactory runtimes_;
  AreaHooks hooks_;
  std::unique_ptr<exec::ContainerSession> session_;
  std::vector<TargetRun> runs_;
  std::unique_ptr<ui::Progress> progress_;
};

}  // namespace libcdiff::run
