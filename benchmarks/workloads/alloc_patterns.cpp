// Allocation patterns from the allocator-benchmark literature, each a whole program's habit rather than
// one call: Larson's server simulation (threads inherit and free each other's blocks), a producer/consumer
// pipeline (xmalloc-test: one thread allocates, another frees), and a long-running fragmenting heap
// (random sizes 16 B - 64 KiB, random free order). Peak RSS is reported by common/main.cpp for the whole
// binary; the counters here count the bytes the program asked for.
#include <benchmark/benchmark.h>

#include <sys/resource.h>
#include "common/count_mode.hpp"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include "workload_data.hpp"

namespace {

using libcdiff::workloads::log_uniform_size;
using libcdiff::workloads::Prng;

// Minor page faults of the whole process so far: what an allocator that returns memory to the kernel
// and maps it again pays on the next write.
long minor_faults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

void set_faults_per_iteration(benchmark::State& state, long faults_before) {
  state.counters["page_faults"] =
      benchmark::Counter(static_cast<double>(minor_faults() - faults_before) /
                         static_cast<double>(std::max<int64_t>(1, state.iterations())));
}

// Larson and Krishnan's server simulation: each of 4 threads replaces random blocks (16 B - 1 KiB) in
// an array of live blocks; after every epoch the arrays rotate, so each thread frees what another
// thread allocated. One benchmark iteration is one epoch of all threads.
void BM_workload_alloc_larson(benchmark::State& state) {
  constexpr unsigned kThreads = 4;
  constexpr uint32_t kSlots = 2000;
  constexpr unsigned kOpsPerEpoch = 4000;
  std::vector<std::vector<void*>> arrays(kThreads, std::vector<void*>(kSlots));
  Prng fill(1);
  for (auto& blocks : arrays)
    for (auto& p : blocks) p = std::malloc(16 + fill.below(1009));
  std::barrier sync(kThreads + 1);
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> bytes{0};
  uint64_t epoch = 0;  // written by this thread between epochs; the barrier orders it
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < kThreads; ++t) {
    workers.emplace_back([&, t] {
      Prng rng(0x1a25u + t);
      uint64_t mine = 0;
      for (;;) {
        sync.arrive_and_wait();
        if (stop.load()) break;
        auto& blocks = arrays[(t + epoch) % kThreads];
        for (unsigned i = 0; i < kOpsPerEpoch; ++i) {
          const uint32_t slot = rng.below(kSlots);
          std::free(blocks[slot]);
          const size_t size = 16 + rng.below(1009);
          auto* p = static_cast<char*>(std::malloc(size));
          std::memset(p, static_cast<int>(t), std::min<size_t>(size, 64));
          blocks[slot] = p;
          mine += size;
        }
        sync.arrive_and_wait();
      }
      bytes += mine;
    });
  }
  const long faults = minor_faults();
  for (auto _ : state) {
    sync.arrive_and_wait();  // start the epoch
    sync.arrive_and_wait();  // every thread finished it
    ++epoch;
  }
  set_faults_per_iteration(state, faults);
  stop = true;
  sync.arrive_and_wait();
  for (auto& w : workers) w.join();
  for (auto& blocks : arrays)
    for (void* p : blocks) std::free(p);
  const auto pairs = static_cast<int64_t>(state.iterations()) * kThreads * kOpsPerEpoch;
  state.SetItemsProcessed(pairs);  // malloc/free pairs
  state.counters["bytes_allocated"] =
      benchmark::Counter(static_cast<double>(bytes.load()), benchmark::Counter::kIsRate);
}
LIBCDIFF_BENCHMARK(BM_workload_alloc_larson)->UseRealTime()->Unit(benchmark::kMicrosecond);

// A pipeline stage with double buffering: while one thread builds this round's 1000 messages (16 B -
// 4 KiB, log-uniform, written in full), the benchmark thread reads and frees the 1000 it built in the
// previous round, so every free is of another thread's block and both threads use the allocator at
// once. The threads meet once per round (a barrier), not once per message: what is measured is the
// allocator under a producer and a consumer, not how a busy host schedules a spinning queue.
void BM_workload_alloc_producer_consumer(benchmark::State& state) {
  constexpr int kBatch = 1000;
  std::vector<unsigned char*> batches[2] = {std::vector<unsigned char*>(kBatch),
                                            std::vector<unsigned char*>(kBatch)};
  std::barrier sync(2);
  std::atomic<bool> stop{false};
  uint64_t round = 0;  // written by this thread between rounds; the barrier orders it
  std::thread producer([&] {
    Prng rng(7);
    for (;;) {
      sync.arrive_and_wait();
      if (stop.load()) break;
      for (auto& p : batches[round % 2]) {
        const size_t size = log_uniform_size(rng, 16, 4096);
        p = static_cast<unsigned char*>(std::malloc(size));
        std::memset(p, static_cast<int>(size & 0xff), size);
        std::memcpy(p, &size, sizeof size);
      }
      sync.arrive_and_wait();
    }
  });
  uint64_t bytes = 0, checksum = 0;
  const long faults = minor_faults();
  for (auto _ : state) {
    sync.arrive_and_wait();  // the producer starts on batch round % 2
    for (auto& p : batches[(round + 1) % 2]) {
      if (p == nullptr) break;  // the first round has nothing to consume yet
      size_t size;
      std::memcpy(&size, p, sizeof size);
      checksum += p[size - 1];
      bytes += size;
      std::free(p);
      p = nullptr;
    }
    sync.arrive_and_wait();
    ++round;
  }
  set_faults_per_iteration(state, faults);
  stop = true;
  sync.arrive_and_wait();
  producer.join();
  for (auto& batch : batches)
    for (unsigned char* p : batch) std::free(p);
  benchmark::DoNotOptimize(checksum);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * kBatch);
  state.counters["bytes_allocated"] =
      benchmark::Counter(static_cast<double>(bytes), benchmark::Counter::kIsRate);
}
LIBCDIFF_BENCHMARK(BM_workload_alloc_producer_consumer)->UseRealTime()->Unit(benchmark::kMicrosecond);

// A long-running heap: 2048 live blocks of 16 B - 64 KiB (log-uniform), each iteration replaces 1000
// randomly chosen ones with blocks of new random sizes, written in full. The free order is random, so
// holes of every size open and must be reused.
void BM_workload_alloc_fragmentation(benchmark::State& state) {
  constexpr uint32_t kSlots = 2048;
  constexpr int kOps = 1000;
  Prng rng(42);
  std::vector<void*> blocks(kSlots);
  std::vector<size_t> sizes(kSlots);
  uint64_t live = 0, peak = 0, allocated = 0;
  for (uint32_t i = 0; i < kSlots; ++i) {
    sizes[i] = log_uniform_size(rng, 16, 64 * 1024);
    blocks[i] = std::malloc(sizes[i]);
    std::memset(blocks[i], 1, sizes[i]);
    live += sizes[i];
  }
  peak = live;
  const long faults = minor_faults();
  for (auto _ : state) {
    for (int i = 0; i < kOps; ++i) {
      const uint32_t slot = rng.below(kSlots);
      std::free(blocks[slot]);
      live -= sizes[slot];
      sizes[slot] = log_uniform_size(rng, 16, 64 * 1024);
      blocks[slot] = std::malloc(sizes[slot]);
      std::memset(blocks[slot], i & 0xff, sizes[slot]);
      live += sizes[slot];
      allocated += sizes[slot];
      peak = std::max(peak, live);
    }
    benchmark::DoNotOptimize(blocks.data());
  }
  set_faults_per_iteration(state, faults);
  for (void* p : blocks) std::free(p);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * kOps);
  state.counters["bytes_allocated"] =
      benchmark::Counter(static_cast<double>(allocated), benchmark::Counter::kIsRate);
  state.counters["live_bytes_peak"] = static_cast<double>(peak);
  state.counters["live_bytes_end"] = static_cast<double>(live);
}
LIBCDIFF_BENCHMARK(BM_workload_alloc_fragmentation)->Unit(benchmark::kMicrosecond);

}  // namespace
