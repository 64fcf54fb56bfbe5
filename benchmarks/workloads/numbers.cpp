// Numbers in bulk, as a CSV or metrics exporter writes them and an importer reads them back: 10,000
// doubles with snprintf "%.17g" (the round-trip precision) or 10,000 ints with "%d", one per line, and
// the same text parsed with strtod / strtol.
#include <benchmark/benchmark.h>

#include "common/count_mode.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "workload_data.hpp"

namespace {

using libcdiff::workloads::Prng;

constexpr size_t kCount = 10000;

// Built from bits and exact divisions only (no libm), so every target formats the same values: prices
// with two decimals, measurements of moderate magnitude, and doubles of any exponent.
const std::vector<double>& doubles() {
  static const std::vector<double> values = [] {
    Prng rng(3);
    std::vector<double> v;
    for (size_t i = 0; i < kCount; ++i) {
      const uint32_t kind = rng.below(10);
      if (kind < 4) {
        v.push_back(static_cast<double>(rng.below(10000000)) / 100.0);
        continue;
      }
      const uint64_t exponent = kind < 8 ? 1023 - 40 + rng.below(80) : 1 + rng.below(2046);
      const uint64_t bits = (rng.next() & 0x800fffffffffffffull) | (exponent << 52);
      double d;
      std::memcpy(&d, &bits, sizeof d);
      v.push_back(d);
    }
    return v;
  }();
  return values;
}

// Counters, ids and signed deltas: short, medium and full-width values.
const std::vector<long>& ints() {
  static const std::vector<long> values = [] {
    Prng rng(4);
    std::vector<long> v;
    for (size_t i = 0; i < kCount; ++i) {
      const uint32_t kind = rng.below(3);
      const long magnitude = kind == 0   ? rng.below(1000)
                             : kind == 1 ? rng.below(1000000)
                                         : rng.below(1u << 31);
      v.push_back(rng.below(4) == 0 ? -magnitude : magnitude);
    }
    return v;
  }();
  return values;
}

size_t format_all(bool as_double, std::vector<char>& buffer) {
  size_t at = 0;
  if (as_double) {
    for (const double d : doubles())
      at += static_cast<size_t>(std::snprintf(buffer.data() + at, buffer.size() - at, "%.17g\n", d));
  } else {
    for (const long n : ints())
      at += static_cast<size_t>(
          std::snprintf(buffer.data() + at, buffer.size() - at, "%d\n", static_cast<int>(n)));
  }
  return at;
}

void BM_workload_format_numbers(benchmark::State& state, bool as_double) {
  std::vector<char> buffer(kCount * 32);
  size_t bytes = 0;
  for (auto _ : state) {
    bytes = format_all(as_double, buffer);
    benchmark::DoNotOptimize(buffer.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(kCount));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
}
LIBCDIFF_BENCHMARK_CAPTURE(BM_workload_format_numbers, double_17g, true)->Unit(benchmark::kMicrosecond);
LIBCDIFF_BENCHMARK_CAPTURE(BM_workload_format_numbers, int_d, false)->Unit(benchmark::kMicrosecond);

void BM_workload_parse_numbers(benchmark::State& state, bool as_double) {
  std::vector<char> buffer(kCount * 32);
  buffer.resize(format_all(as_double, buffer));
  buffer.push_back('\0');
  // Check the round trip once: every value read back must be the one written.
  size_t mismatches = 0, index = 0;
  for (const char* p = buffer.data(); *p != '\0'; ++index) {
    char* end = nullptr;
    if (as_double)
      mismatches += std::strtod(p, &end) != doubles()[index];
    else
      mismatches += std::strtol(p, &end, 10) != ints()[index];
    p = end + 1;
  }
  if (index != kCount || mismatches != 0) state.SkipWithError("the numbers did not read back as written");
  for (auto _ : state) {
    double sum = 0;
    for (const char* p = buffer.data(); *p != '\0';) {
      char* end = nullptr;
      sum += as_double ? std::strtod(p, &end) : static_cast<double>(std::strtol(p, &end, 10));
      p = end + 1;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(kCount));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(buffer.size() - 1));
  state.counters["roundtrip_mismatches"] = static_cast<double>(mismatches);
}
LIBCDIFF_BENCHMARK_CAPTURE(BM_workload_parse_numbers, double_strtod, true)->Unit(benchmark::kMicrosecond);
LIBCDIFF_BENCHMARK_CAPTURE(BM_workload_parse_numbers, int_strtol, false)->Unit(benchmark::kMicrosecond);

}  // namespace
