// Time conversion and formatting; libm.
#include <benchmark/benchmark.h>

#include "common/count_mode.hpp"

#include <cmath>
#include <cstdlib>
#include <ctime>

namespace {

void BM_localtime_r_utc(benchmark::State& state) {
  setenv("TZ", "UTC0", 1);
  tzset();
  time_t t = 1700000000;
  struct tm out {};
  for (auto _ : state) {
    benchmark::DoNotOptimize(localtime_r(&t, &out));
    ++t;
  }
  unsetenv("TZ");
}
LIBCDIFF_BENCHMARK(BM_localtime_r_utc);

void BM_strftime(benchmark::State& state) {
  const time_t t = 1700000000;
  struct tm parts {};
  gmtime_r(&t, &parts);
  char buffer[64];
  for (auto _ : state)
    benchmark::DoNotOptimize(strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S %a %b", &parts));
}
LIBCDIFF_BENCHMARK(BM_strftime);

template <double (*F)(double)>
void math_loop(benchmark::State& state, double start) {
  double x = start;
  for (auto _ : state) {
    benchmark::DoNotOptimize(x);
    benchmark::DoNotOptimize(F(x));
  }
}

double exp_fn(double x) {
  return std::exp(x);
}
double log_fn(double x) {
  return std::log(x);
}
double sin_fn(double x) {
  return std::sin(x);
}

void BM_exp(benchmark::State& state) {
  math_loop<exp_fn>(state, 1.2345);
}
LIBCDIFF_BENCHMARK(BM_exp);
void BM_log(benchmark::State& state) {
  math_loop<log_fn>(state, 12.345);
}
LIBCDIFF_BENCHMARK(BM_log);
void BM_sin(benchmark::State& state) {
  math_loop<sin_fn>(state, 1234.5);
}
LIBCDIFF_BENCHMARK(BM_sin);

void BM_pow(benchmark::State& state) {
  double x = 1.2345, y = 6.789;
  for (auto _ : state) {
    benchmark::DoNotOptimize(x);
    benchmark::DoNotOptimize(y);
    benchmark::DoNotOptimize(std::pow(x, y));
  }
}
LIBCDIFF_BENCHMARK(BM_pow);

}  // namespace
