// Fixed iteration counts for the instruction-count metric (`run --metric instructions`): Google
// Benchmark 1.7.1 chooses iterations from elapsed time, which under valgrind would differ run to run,
// and has no flag for a fixed count. LIBCDIFF_BENCHMARK registers a benchmark like BENCHMARK and, when
// LIBCDIFF_BENCH_ITERATIONS is set, fixes its iterations, so two counts at two known iteration numbers
// give the exact instructions of one iteration by difference.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdlib>

namespace libcdiff::bench {

inline void apply_count_mode(benchmark::internal::Benchmark* b) {
  const char* value = std::getenv("LIBCDIFF_BENCH_ITERATIONS");
  if (value == nullptr || *value == '\0') return;
  const long long iterations = std::atoll(value);
  if (iterations > 0) b->Iterations(iterations);
}

}  // namespace libcdiff::bench

#define LIBCDIFF_BENCHMARK(fn) BENCHMARK(fn)->Apply(::libcdiff::bench::apply_count_mode)
#define LIBCDIFF_BENCHMARK_CAPTURE(fn, name, ...) \
  BENCHMARK_CAPTURE(fn, name, __VA_ARGS__)->Apply(::libcdiff::bench::apply_count_mode)
