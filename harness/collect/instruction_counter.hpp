// The instruction-count metric (`run --bench --metric instructions`, DESIGN §6): every benchmark
// timed by one thread's CPU time is run under valgrind's callgrind, counting only inside the
// benchmark's own function (--toggle-collect), at two fixed iteration numbers
// (LIBCDIFF_BENCH_ITERATIONS, benchmarks/common/count_mode.hpp). The difference divided by the
// difference of iterations is the exact count of one iteration: set-up, first-call and reporting
// costs cancel, and two runs give identical figures on a noisy machine. Real-time benchmarks (other
// threads, child processes) are left out: valgrind serialises threads and does not follow children.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "exec/process_runner.hpp"
#include "model/run_record.hpp"

namespace libcdiff::collect {

struct InstructionTarget {
  model::RunRecord* record = nullptr;
  std::map<std::string, std::filesystem::path> binaries;  // area -> bench_<area>
  std::filesystem::path work_dir;
};

struct InstructionOptions {
  std::filesystem::path valgrind = "valgrind";
  std::filesystem::path objcopy = "objcopy";
  // Two and four iterations: enough for the set-up to cancel, few enough that a 100 ms workload
  // under callgrind (about 50 times slower) still takes seconds, not minutes.
  long long low_iterations = 2;
  long long high_iterations = 4;
  std::chrono::milliseconds timeout{std::chrono::minutes(10)};
  std::map<std::string, std::string> environment;
  const std::atomic<bool>* interrupted = nullptr;
  // Called before each benchmark with (target, benchmark, done, total).
  std::function<void(const std::string&, const std::string&, int, int)> progress;
};

// Fills each target's record.instructions; returns one line per benchmark or binary that could not
// be counted (never fatal: the wall-clock figures stand without it).
std::vector<std::string> count_instructions(exec::ProcessRunner& runner,
                                            std::vector<InstructionTarget>& targets,
                                            const InstructionOptions& options);

// Callgrind's output file: the "events:" names and the "summary:" totals, by event ("Ir",
// "sysCount"). nullopt when the file has no summary.
std::optional<std::map<std::string, long long>> read_callgrind_summary(const std::string& text);

// The benchmarks a count covers: those timed by CPU time, of one thread ("/real_time" and
// "/threads:N" with N > 1 are left out).
bool countable_benchmark(const std::string& name);

// "BM_qsort/sorted:0" -> "BM_qsort": the function whose calls callgrind counts.
std::string benchmark_function(const std::string& name);

// `name` with the ECMAScript regex metacharacters escaped (Google Benchmark filters are std::regex).
std::string regex_escape(const std::string& name);

// A --benchmark_filter regex matching exactly `name`, with the "/iterations:N" that a fixed
// iteration count appends.
std::string exact_filter(const std::string& name);

}  // namespace libcdiff::collect
