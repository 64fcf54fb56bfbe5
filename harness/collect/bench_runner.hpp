// Runs the benchmark binaries of two targets interleaved (A B A B ..., DESIGN §6): each round runs
// every area's binary once per target with one repetition, so slow drifts of the machine (thermal,
// other load) hit both targets alike. Raw repetitions go into the run records.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "exec/process_runner.hpp"
#include "model/run_record.hpp"

namespace libcdiff::collect {

struct BenchTarget {
  model::RunRecord* record;
  std::map<std::string, std::filesystem::path> binaries;  // area -> bench_<area>
  std::filesystem::path work_dir;
  // Container targets: the binaries run through this prefix, started with launcher_environment
  // (the benchmark environment is then the prefix's business), and after_run cleans up.
  std::vector<std::string> launcher;
  std::map<std::string, std::string> launcher_environment;
  std::function<void()> after_run;
};

struct BenchRunOptions {
  int rounds = 9;
  double min_time_seconds = 0.1;
  std::chrono::milliseconds timeout{std::chrono::minutes(5)};
  std::map<std::string, std::string> environment;
  const std::atomic<bool>* interrupted = nullptr;
  // Called after each round with (round, rounds), so the caller can save records and show progress.
  std::function<void(int, int)> after_round;
};

// Returns "" or a one-line description of what went wrong (a failed binary is skipped, not fatal).
std::vector<std::string> run_benchmarks_interleaved(exec::ProcessRunner& runner,
                                                    std::vector<BenchTarget>& targets,
                                                    const BenchRunOptions& options);

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
