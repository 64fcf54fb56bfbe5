// Thread creation and synchronisation.
#include <benchmark/benchmark.h>

#include <pthread.h>
#include "common/count_mode.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace {

void* nothing(void*) {
  return nullptr;
}

void BM_pthread_create_join(benchmark::State& state) {
  for (auto _ : state) {
    pthread_t t;
    pthread_create(&t, nullptr, nothing, nullptr);
    pthread_join(t, nullptr);
  }
}
LIBCDIFF_BENCHMARK(BM_pthread_create_join)->UseRealTime();

void BM_mutex_uncontended(benchmark::State& state) {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  for (auto _ : state) {
    pthread_mutex_lock(&m);
    benchmark::ClobberMemory();
    pthread_mutex_unlock(&m);
  }
}
LIBCDIFF_BENCHMARK(BM_mutex_uncontended);

pthread_mutex_t g_contended = PTHREAD_MUTEX_INITIALIZER;
long g_counter = 0;

void BM_mutex_contended(benchmark::State& state) {
  for (auto _ : state) {
    pthread_mutex_lock(&g_contended);
    ++g_counter;
    pthread_mutex_unlock(&g_contended);
  }
}
LIBCDIFF_BENCHMARK(BM_mutex_contended)->Threads(2)->Threads(4)->UseRealTime();

// Two threads hand a token back and forth through one condition variable.
void BM_condvar_ping_pong(benchmark::State& state) {
  std::mutex m;
  std::condition_variable cv;
  bool ping = true, stop = false;
  std::thread partner([&] {
    std::unique_lock lock(m);
    while (!stop) {
      cv.wait(lock, [&] { return !ping || stop; });
      ping = true;
      cv.notify_one();
    }
  });
  for (auto _ : state) {
    std::unique_lock lock(m);
    ping = false;
    cv.notify_one();
    cv.wait(lock, [&] { return ping; });
  }
  {
    std::lock_guard lock(m);
    stop = true;
  }
  cv.notify_one();
  partner.join();
}
LIBCDIFF_BENCHMARK(BM_condvar_ping_pong)->UseRealTime();

}  // namespace
