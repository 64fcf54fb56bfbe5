// Shared main of every benchmark binary: makes its JSON self-describing (which libc, version, target,
// link mode, compiler) with AddCustomContext, and reports the process's peak RSS at exit for the
// footprint table. Started with LIBCDIFF_STARTUP_PROBE_FLAG ("--libcdiff-startup-probe") as its only
// argument it returns at once, after the static constructors and before Google Benchmark starts: what
// BM_workload_startup_self spawns to time a C++ program's start-up.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstring>

#include "common/libc_identity.hpp"

int main(int argc, char** argv) {
  if (argc == 2 && std::strcmp(argv[1], LIBCDIFF_STARTUP_PROBE_FLAG) == 0) return 0;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  const auto id = libcdiff::suite::identify_libc();
  benchmark::AddCustomContext("libcdiff_target", LIBCDIFF_TARGET);
  benchmark::AddCustomContext("libc_family", id.family);
  benchmark::AddCustomContext("libc_version", id.version);
  benchmark::AddCustomContext("libc_path", id.path);
  benchmark::AddCustomContext("link_mode", id.link_mode);
  benchmark::AddCustomContext("compiler", id.compiler);
  benchmark::AddCustomContext("cxx_library", id.cxx_library);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::fprintf(stderr, "libcdiff-peak-rss-kib: %ld\n", usage.ru_maxrss);
  return 0;
}
