// Text processing with the libc's own engines: a grep over server logs with POSIX regcomp/regexec, and
// sorting a directory of personal names with strcoll under an English UTF-8 collation.
#include <benchmark/benchmark.h>

#include <regex.h>
#include "common/count_mode.hpp"

#include <algorithm>
#include <clocale>
#include <cstring>
#include <string>
#include <vector>

#include "workload_data.hpp"

namespace {

const std::vector<std::string>& log_corpus() {
  static const std::vector<std::string> lines = libcdiff::workloads::log_lines(3000, 31);
  return lines;
}

// Counts what `grep -c PATTERN` (whole_lines) or `grep -o PATTERN | wc -l` would: the benchmark is one
// pass over 3000 log lines (~330 KB), one regexec per line or per match.
void BM_workload_regex_scan(benchmark::State& state, const char* pattern, bool whole_lines) {
  regex_t re;
  if (regcomp(&re, pattern, REG_EXTENDED | (whole_lines ? REG_NOSUB : 0)) != 0) {
    state.SkipWithError("regcomp failed");
    return;
  }
  const auto& lines = log_corpus();
  size_t bytes = 0;
  for (const auto& line : lines) bytes += line.size() + 1;
  long matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (const auto& line : lines) {
      if (whole_lines) {
        matches += regexec(&re, line.c_str(), 0, nullptr, 0) == 0;
        continue;
      }
      regmatch_t m[1];
      const char* at = line.c_str();
      int flags = 0;
      while (regexec(&re, at, 1, m, flags) == 0) {
        ++matches;
        at += m[0].rm_eo > m[0].rm_so ? m[0].rm_eo : m[0].rm_so + 1;
        if (*at == '\0') break;
        flags = REG_NOTBOL;
      }
    }
    benchmark::DoNotOptimize(matches);
  }
  regfree(&re);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.counters["matches"] = static_cast<double>(matches);
}
LIBCDIFF_BENCHMARK_CAPTURE(BM_workload_regex_scan, ipv4, "([0-9]{1,3}\\.){3}[0-9]{1,3}", false)
    ->Unit(benchmark::kMicrosecond);
LIBCDIFF_BENCHMARK_CAPTURE(BM_workload_regex_scan, email, "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}",
                           false)
    ->Unit(benchmark::kMicrosecond);
LIBCDIFF_BENCHMARK_CAPTURE(BM_workload_regex_scan, error_timeout_lines,
                           "(ERROR|WARN).*status=5[0-9][0-9].*timeout", true)
    ->Unit(benchmark::kMicrosecond);

const std::vector<std::string>& names() {
  static const std::vector<std::string> list = libcdiff::workloads::person_names(20000, 17);
  return list;
}

// std::sort of 20,000 UTF-8 names with strcoll as the comparison, as `sort` or a directory listing does
// under LANG=en_US.UTF-8. The locale really used is the label: en_US.UTF-8, else C.UTF-8.
void BM_workload_strcoll_sort(benchmark::State& state) {
  const std::string previous = std::setlocale(LC_COLLATE, nullptr);
  const char* used = "en_US.UTF-8";
  if (std::setlocale(LC_COLLATE, used) == nullptr) {
    used = "C.UTF-8";
    if (std::setlocale(LC_COLLATE, used) == nullptr) {
      state.SkipWithError("neither en_US.UTF-8 nor C.UTF-8 can be set for LC_COLLATE");
      return;
    }
  }
  std::vector<const char*> input;
  for (const auto& name : names()) input.push_back(name.c_str());
  std::vector<const char*> sorted;
  long comparisons = 0;
  for (auto _ : state) {
    sorted = input;
    std::sort(sorted.begin(), sorted.end(), [&comparisons](const char* a, const char* b) {
      ++comparisons;
      return std::strcoll(a, b) < 0;
    });
    benchmark::DoNotOptimize(sorted.data());
  }
  // Neighbours that byte order (strcmp) would swap: 0 when the "collation" is byte order.
  long byte_order_inversions = 0;
  for (size_t i = 1; i < sorted.size(); ++i)
    byte_order_inversions += std::strcmp(sorted[i - 1], sorted[i]) > 0;
  state.SetLabel(std::string("locale=") + used);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(input.size()));
  state.counters["comparisons"] =
      static_cast<double>(comparisons) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
  state.counters["byte_order_inversions"] = static_cast<double>(byte_order_inversions);
  std::setlocale(LC_COLLATE, previous.c_str());
}
LIBCDIFF_BENCHMARK(BM_workload_strcoll_sort)->Unit(benchmark::kMillisecond);

}  // namespace
