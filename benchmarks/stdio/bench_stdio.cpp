// stdio formatting, character I/O and number parsing.
#include <benchmark/benchmark.h>

#include "common/count_mode.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

void BM_snprintf_int(benchmark::State& state) {
  char buffer[64];
  int value = 123456789;
  for (auto _ : state) {
    benchmark::DoNotOptimize(value);
    benchmark::DoNotOptimize(std::snprintf(buffer, sizeof buffer, "%d", value));
  }
}
LIBCDIFF_BENCHMARK(BM_snprintf_int);

void BM_snprintf_double(benchmark::State& state) {
  char buffer[64];
  double value = 3.14159265358979;
  for (auto _ : state) {
    benchmark::DoNotOptimize(value);
    benchmark::DoNotOptimize(std::snprintf(buffer, sizeof buffer, "%f", value));
  }
}
LIBCDIFF_BENCHMARK(BM_snprintf_double);

void BM_putc_getc(benchmark::State& state) {
  FILE* f = std::tmpfile();
  for (auto _ : state) {
    std::rewind(f);
    for (int i = 0; i < 1024; ++i) std::putc('a' + i % 26, f);
    std::rewind(f);
    int sum = 0;
    for (int i = 0; i < 1024; ++i) sum += std::getc(f);
    benchmark::DoNotOptimize(sum);
  }
  std::fclose(f);
}
LIBCDIFF_BENCHMARK(BM_putc_getc);

void BM_fgets_lines(benchmark::State& state) {
  FILE* f = std::tmpfile();
  for (int i = 0; i < 1000; ++i) std::fprintf(f, "line %d of a text file with some words\n", i);
  char line[128];
  for (auto _ : state) {
    std::rewind(f);
    int lines = 0;
    while (std::fgets(line, sizeof line, f)) ++lines;
    benchmark::DoNotOptimize(lines);
  }
  std::fclose(f);
}
LIBCDIFF_BENCHMARK(BM_fgets_lines);

void BM_strtod(benchmark::State& state) {
  const char* text = "12345.6789e-3";
  for (auto _ : state) {
    benchmark::DoNotOptimize(text);
    benchmark::DoNotOptimize(std::strtod(text, nullptr));
  }
}
LIBCDIFF_BENCHMARK(BM_strtod);

void BM_strtol(benchmark::State& state) {
  const char* text = "-123456789";
  for (auto _ : state) {
    benchmark::DoNotOptimize(text);
    benchmark::DoNotOptimize(std::strtol(text, nullptr, 10));
  }
}
LIBCDIFF_BENCHMARK(BM_strtol);

}  // namespace
