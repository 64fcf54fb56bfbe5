// zlib deflate (level 6, zlib's default) and inflate of 1 MiB of English-like prose. zlib is built per
// target from the same source (bench-deps, see area.cmake); what the libc contributes is malloc for
// zlib's ~270 KiB of window and hash tables per stream, memcpy/memset, and nothing else.
#include <benchmark/benchmark.h>

#include "common/count_mode.hpp"

#if LIBCDIFF_HAVE_ZLIB
#include <zlib.h>

#include <string>
#include <vector>

#include "workload_data.hpp"

namespace {

constexpr size_t kInputBytes = 1 << 20;

const std::string& input_text() {
  static const std::string text = libcdiff::workloads::prose(kInputBytes, 2024);
  return text;
}

// zlib's version in the JSON context, beside the libc's: the library is part of what was measured.
[[maybe_unused]] const int kContextAdded = (benchmark::AddCustomContext("zlib_version", zlibVersion()), 0);

void BM_workload_zlib_compress(benchmark::State& state) {
  const std::string& text = input_text();
  std::vector<Bytef> out(compressBound(text.size()));
  uLongf out_size = 0;
  for (auto _ : state) {
    out_size = out.size();
    if (compress2(out.data(), &out_size, reinterpret_cast<const Bytef*>(text.data()), text.size(), 6) !=
        Z_OK) {
      state.SkipWithError("compress2 failed");
      break;
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["ratio"] = static_cast<double>(text.size()) / static_cast<double>(out_size);
}
LIBCDIFF_BENCHMARK(BM_workload_zlib_compress)->Unit(benchmark::kMillisecond);

void BM_workload_zlib_decompress(benchmark::State& state) {
  const std::string& text = input_text();
  std::vector<Bytef> packed(compressBound(text.size()));
  uLongf packed_size = packed.size();
  compress2(packed.data(), &packed_size, reinterpret_cast<const Bytef*>(text.data()), text.size(), 6);
  std::vector<Bytef> out(text.size());
  for (auto _ : state) {
    uLongf out_size = out.size();
    if (uncompress(out.data(), &out_size, packed.data(), packed_size) != Z_OK || out_size != text.size()) {
      state.SkipWithError("uncompress failed");
      break;
    }
    benchmark::DoNotOptimize(out.data());
  }
  if (std::string(out.begin(), out.end()) != text) state.SkipWithError("round trip changed the text");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
LIBCDIFF_BENCHMARK(BM_workload_zlib_decompress)->Unit(benchmark::kMillisecond);

}  // namespace
#endif  // LIBCDIFF_HAVE_ZLIB
