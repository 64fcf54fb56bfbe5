// GoogleTest's --gtest_output=json as a suite binary (possibly a misbehaving one) writes it.
#include "collect/gtest_json.hpp"
#include "fuzz_input.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)libcdiff::collect::parse_gtest_json(libcdiff::fuzz::as_text(data, size), "fuzz", "fuzz.json");
  } catch (const libcdiff::Fatal&) {
  }
  return 0;
}
