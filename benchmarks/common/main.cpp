// Shared main of every benchmark binary: makes its JSON self-describing (which libc, version, target,
// link mode, compiler) with AddCustomContext, and reports the process's peak RSS at exit for the
// footprint table.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>

#include "common/libc_identity.hpp"

int main(int argc, char** argv) {
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
