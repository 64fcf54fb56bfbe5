// Allocation benchmarks. Every pointer escapes through benchmark::DoNotOptimize: clang deletes a
// malloc/free pair whose pointer does not escape, which would measure nothing.
#include <benchmark/benchmark.h>

#include "common/count_mode.hpp"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

void BM_malloc_free_single(benchmark::State& state) {
  const size_t size = static_cast<size_t>(state.range(0));
  for (auto _ : state) {
    void* p = std::malloc(size);
    benchmark::DoNotOptimize(p);
    std::free(p);
  }
}
LIBCDIFF_BENCHMARK(BM_malloc_free_single)->Arg(64)->Arg(4096)->Arg(1 << 20);

void BM_realloc_growth(benchmark::State& state) {
  for (auto _ : state) {
    char* p = nullptr;
    for (size_t size = 16; size <= 64 * 1024; size *= 2) {
      p = static_cast<char*>(std::realloc(p, size));
      p[size - 1] = 1;
    }
    benchmark::DoNotOptimize(p);
    std::free(p);
  }
}
LIBCDIFF_BENCHMARK(BM_realloc_growth);

void BM_malloc_batch_1000_live(benchmark::State& state) {
  std::vector<void*> blocks(1000);
  for (auto _ : state) {
    for (size_t i = 0; i < blocks.size(); ++i) blocks[i] = std::malloc(16 + (i * 37) % 256);
    benchmark::DoNotOptimize(blocks.data());
    for (void* p : blocks) std::free(p);
  }
}
LIBCDIFF_BENCHMARK(BM_malloc_batch_1000_live);

// Every thread allocates and frees its own blocks: the cost of the allocator's locking and caches.
void BM_malloc_threads_local(benchmark::State& state) {
  std::vector<void*> blocks(64);
  size_t i = 0;
  for (auto _ : state) {
    const size_t slot = i++ % blocks.size();
    std::free(blocks[slot]);
    blocks[slot] = std::malloc(16 + (i * 31) % 256);
    benchmark::DoNotOptimize(blocks[slot]);
  }
  for (void* p : blocks) std::free(p);
}
LIBCDIFF_BENCHMARK(BM_malloc_threads_local)->Threads(1)->Threads(2)->Threads(4)->Threads(8)->UseRealTime();

// Blocks allocated by one thread are freed by another (producer/consumer through a shared ring).
void BM_malloc_cross_thread(benchmark::State& state) {
  static std::atomic<void*> ring[4096];
  static std::atomic<size_t> cursor{0};
  for (auto _ : state) {
    const size_t slot = cursor.fetch_add(1, std::memory_order_relaxed) % 4096;
    void* fresh = std::malloc(64);
    benchmark::DoNotOptimize(fresh);
    std::free(ring[slot].exchange(fresh));
  }
}
LIBCDIFF_BENCHMARK(BM_malloc_cross_thread)->Threads(2)->Threads(4)->UseRealTime();

}  // namespace
