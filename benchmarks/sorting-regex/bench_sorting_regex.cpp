// qsort and POSIX regex.
#include <benchmark/benchmark.h>

#include <regex.h>
#include "common/count_mode.hpp"

#include <cstdlib>
#include <vector>

namespace {

long g_comparisons = 0;

int compare_ints(const void* a, const void* b) {
  ++g_comparisons;
  const int x = *static_cast<const int*>(a), y = *static_cast<const int*>(b);
  return (x > y) - (x < y);
}

std::vector<int> random_ints(size_t n) {
  std::vector<int> v(n);
  unsigned seed = 12345;
  for (auto& x : v) x = static_cast<int>((seed = seed * 1103515245u + 12345u) >> 8);
  return v;
}

void BM_qsort(benchmark::State& state) {
  const auto input = state.range(0) == 0 ? random_ints(1000) : [] {
    std::vector<int> v(1000);
    for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<int>(i);
    return v;
  }();
  g_comparisons = 0;
  for (auto _ : state) {
    auto v = input;
    std::qsort(v.data(), v.size(), sizeof(int), compare_ints);
    benchmark::DoNotOptimize(v.data());
  }
  // Comparator calls per sort: the algorithm's cost independent of the machine.
  state.counters["comparisons"] =
      benchmark::Counter(static_cast<double>(g_comparisons) / static_cast<double>(state.iterations()));
}
LIBCDIFF_BENCHMARK(BM_qsort)->Arg(0)->Arg(1)->ArgName("sorted");

void BM_regcomp(benchmark::State& state) {
  for (auto _ : state) {
    regex_t re;
    regcomp(&re, "([a-z]+)@([a-z]+)\\.(com|org|net)", REG_EXTENDED);
    regfree(&re);
  }
}
LIBCDIFF_BENCHMARK(BM_regcomp);

void BM_regexec(benchmark::State& state) {
  regex_t re;
  regcomp(&re, "([a-z]+)@([a-z]+)\\.(com|org|net)", REG_EXTENDED);
  const char* text = "please write to someone at mail: alice@example.org or bob@example.com today";
  regmatch_t m[4];
  for (auto _ : state) {
    benchmark::DoNotOptimize(text);
    benchmark::DoNotOptimize(regexec(&re, text, 4, m, 0));
  }
  regfree(&re);
}
LIBCDIFF_BENCHMARK(BM_regexec);

}  // namespace
