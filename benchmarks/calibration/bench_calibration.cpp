// Calibration: two benchmarks whose work differs by exactly a factor 2 and that call no libc function.
// libcdiff reports their ratio with the same statistics as the libc comparisons: if it cannot find
// 2.0 here, its other ratios cannot be trusted either.
#include <benchmark/benchmark.h>

#include <cstdint>

namespace {

// A dependent chain of integer operations: the compiler cannot vectorise or shorten it.
__attribute__((noinline)) std::uint64_t work(std::uint64_t steps, std::uint64_t seed) {
  std::uint64_t x = seed;
  for (std::uint64_t i = 0; i < steps; ++i) x = x * 6364136223846793005ull + 1442695040888963407ull;
  return x;
}

void BM_calibration_work_1x(benchmark::State& state) {
  std::uint64_t seed = 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(seed);
    benchmark::DoNotOptimize(work(20000, seed));
  }
}
BENCHMARK(BM_calibration_work_1x);

void BM_calibration_work_2x(benchmark::State& state) {
  std::uint64_t seed = 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(seed);
    benchmark::DoNotOptimize(work(40000, seed));
  }
}
BENCHMARK(BM_calibration_work_2x);

}  // namespace
