// getaddrinfo answered from /etc/hosts (no DNS traffic): the parsing and lookup cost of each libc.
#include <benchmark/benchmark.h>

#include <netdb.h>
#include <sys/socket.h>
#include "common/count_mode.hpp"

namespace {

void BM_getaddrinfo_localhost_hosts_file(benchmark::State& state) {
  addrinfo hints{};
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_STREAM;
  for (auto _ : state) {
    addrinfo* result = nullptr;
    if (getaddrinfo("localhost", nullptr, &hints, &result) != 0) {
      state.SkipWithError("getaddrinfo(localhost) failed");
      break;
    }
    freeaddrinfo(result);
  }
}
LIBCDIFF_BENCHMARK(BM_getaddrinfo_localhost_hosts_file);

}  // namespace
