// Calibration: two benchmarks whose work differs by exactly a factor 2 and that call no libc function.
// libcdiff reports their ratio with the same statistics as the libc comparisons: if it cannot find
// 2.0 here, its other ratios cannot be trusted either.
#include <benchmark/benchmark.h>

#include "common/count_mode.hpp"

#include <cstdint>

namespace {

// A dependent chain of integer operations: the compiler cannot vectorise or shorten it.
__attribute__((noinline)) std::uint64_t work(std::uint64_t steps, std::uint64_t seed) {
  std::uint64_t x = seed;
  for (std::uint64_t i = 0; i < steps; ++i) x = x * 6364136223846793005ull + 1442695040888963407ull;
  return x;
}

constexpr std::uint64_t kSteps = 100000;

void BM_calibration_work_1x(benchmark::State& state) {
  std::uint64_t seed = 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(seed);
    benchmark::DoNotOptimize(work(kSteps, seed));
  }
}
LIBCDIFF_BENCHMARK(BM_calibration_work_1x);

void BM_calibration_work_2x(benchmark::State& state) {
  std::uint64_t seed = 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(seed);
    // The same call twice, rather than one call of twice the steps: then the call and loop overhead
    // doubles too, and the instruction counts are 2.000 apart, not 2 minus a fraction of the overhead.
    benchmark::DoNotOptimize(work(kSteps, seed));
    benchmark::DoNotOptimize(work(kSteps, seed + 1));
  }
}
LIBCDIFF_BENCHMARK(BM_calibration_work_2x);

}  // namespace
