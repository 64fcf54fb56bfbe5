// Google Benchmark's --benchmark_format=json output.
#include "collect/bench_runner.hpp"
#include "fuzz_input.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)libcdiff::collect::parse_benchmark_json(libcdiff::fuzz::as_text(data, size), "fuzz.json");
  } catch (const libcdiff::Fatal&) {
  }
  return 0;
}
