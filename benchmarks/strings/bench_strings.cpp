// String and memory functions over sizes.
#include <benchmark/benchmark.h>

#include "common/count_mode.hpp"

#include <cstring>
#include <string>
#include <vector>

namespace {

void BM_memcpy(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::vector<char> src(n, 'a'), dst(n);
  for (auto _ : state) {
    std::memcpy(dst.data(), src.data(), n);
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * n));
}
LIBCDIFF_BENCHMARK(BM_memcpy)->Arg(64)->Arg(4096)->Arg(65536);

void BM_memset(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::vector<char> dst(n);
  for (auto _ : state) {
    std::memset(dst.data(), static_cast<int>(state.iterations() & 0x7f), n);
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
}
LIBCDIFF_BENCHMARK(BM_memset)->Arg(4096);

// Inputs pass through DoNotOptimize so the compiler cannot compute the answers at compile time.
void BM_strlen(benchmark::State& state) {
  std::string s(static_cast<size_t>(state.range(0)), 'x');
  const char* p = s.c_str();
  for (auto _ : state) {
    benchmark::DoNotOptimize(p);
    benchmark::DoNotOptimize(std::strlen(p));
  }
}
LIBCDIFF_BENCHMARK(BM_strlen)->Arg(64)->Arg(4096);

void BM_strchr(benchmark::State& state) {
  std::string s(4096, 'x');
  s.back() = 'y';
  const char* p = s.c_str();
  for (auto _ : state) {
    benchmark::DoNotOptimize(p);
    benchmark::DoNotOptimize(std::strchr(p, 'y'));
  }
}
LIBCDIFF_BENCHMARK(BM_strchr);

void BM_strstr(benchmark::State& state) {
  std::string hay(4096, 'a');
  hay.replace(4000, 6, "needle");
  const char* h = hay.c_str();
  const char* needle = "needle";
  for (auto _ : state) {
    benchmark::DoNotOptimize(h);
    benchmark::DoNotOptimize(needle);
    benchmark::DoNotOptimize(std::strstr(h, needle));
  }
}
LIBCDIFF_BENCHMARK(BM_strstr);

void BM_strcmp(benchmark::State& state) {
  std::string a(4096, 'q'), b(4096, 'q');
  b.back() = 'r';
  const char* x = a.c_str();
  const char* y = b.c_str();
  for (auto _ : state) {
    benchmark::DoNotOptimize(x);
    benchmark::DoNotOptimize(y);
    benchmark::DoNotOptimize(std::strcmp(x, y));
  }
}
LIBCDIFF_BENCHMARK(BM_strcmp);

}  // namespace
