// Runs the benchmark binaries of two targets interleaved (A B A B ..., DESIGN §6): each round runs
// every area's binary once per target with one repetition, so slow drifts of the machine (thermal,
// other load) hit both targets alike. Raw repetitions go into the run records.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "exec/process_runner.hpp"
#include "model/run_record.hpp"
#include "util/clock.hpp"

namespace libcdiff::collect {

struct BenchTarget {
  model::RunRecord* record = nullptr;
  std::map<std::string, std::filesystem::path> binaries;  // area -> bench_<area>
  std::filesystem::path work_dir;
  // Container targets: the binaries run through this prefix, started with launcher_environment
  // (the benchmark environment is then the prefix's business), and after_run cleans up.
  std::vector<std::string> launcher;
  std::map<std::string, std::string> launcher_environment;
  std::function<void()> after_run;
  // An allocator variant of a target ("mimalloc"): the same binaries with extra_environment
  // (LD_PRELOAD), only the areas in only_areas, only in the first `rounds` rounds; its samples go
  // into the same record as "<name> [mimalloc]".
  std::string variant;
  std::map<std::string, std::string> extra_environment;
  std::set<std::string> only_areas;
};

struct BenchRunOptions {
  int rounds = 9;  // every benchmark runs this many rounds
  // Adaptive rounds (DESIGN §6): after `rounds`, further rounds run only the benchmarks `imprecise`
  // names (by base name), until it names none, max_rounds is reached or `budget` has passed since the
  // start (by `clock`).
  int max_rounds = 0;
  std::chrono::seconds budget{0};
  const util::Clock* clock = nullptr;
  std::function<std::set<std::string>()> imprecise;
  // Local targets run pinned to this CPU, so the scheduler does not move a measurement; not the
  // binaries of multi_threaded_areas, nor a multi-threaded benchmark run on its own.
  std::optional<int> pin_cpu;
  std::set<std::string> multi_threaded_areas;
  // Each round sets LIBCDIFF_LAYOUT_PAD to a different length: the environment's size moves the
  // stack, and a layout that happens to favour one target then averages out over rounds.
  bool vary_environment = true;
  // In these areas each benchmark runs in its own process, so its peak RSS is its own
  // (footprint "peak_rss_kib.<name>").
  std::set<std::string> isolated_areas;
  double min_time_seconds = 0.1;
  // Google Benchmark repetitions inside each process (--benchmark_repetitions), each one a sample:
  // this machine's noise comes and goes within a second (memcpy/64 alternates between 2.8 and 3.8 ns
  // inside one process), so many short samples narrow an interval faster than few long ones.
  int samples_per_process = 1;
  std::chrono::milliseconds timeout{std::chrono::minutes(5)};
  std::map<std::string, std::string> environment;
  const std::atomic<bool>* interrupted = nullptr;
  // Called after each round with (round, rounds so far planned), so the caller can save records and
  // show progress.
  std::function<void(int, int)> after_round;
};

// One line per failed binary (a failed binary is skipped in later rounds, not fatal).
std::vector<std::string> run_benchmarks_interleaved(exec::ProcessRunner& runner,
                                                    std::vector<BenchTarget>& targets,
                                                    const BenchRunOptions& options);

// The last CPU this process may run on (sched_getaffinity), for BenchRunOptions::pin_cpu; nullopt
// when affinity cannot be read or only one CPU is allowed anyway.
std::optional<int> last_allowed_cpu();

// The LIBCDIFF_LAYOUT_PAD length of a round: spread over 0..4095 bytes.
std::size_t layout_pad_bytes(int round);

struct BenchOutput {
  std::map<std::string, std::string> context;
  struct Sample {
    std::string name;
    std::string time_kind;
    double ns = 0;
  };
  std::vector<Sample> samples;
};

// Google Benchmark's --benchmark_format=json output; throws Fatal naming `source` when unreadable.
BenchOutput parse_benchmark_json(const std::string& text, const std::string& source);

}  // namespace libcdiff::collect
