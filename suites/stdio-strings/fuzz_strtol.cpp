// Differential fuzzing of strtol and strtoul (issue 12 item 4; common/fuzz_driver.hpp): random strings
// of number-like tokens (signs, base prefixes, digits of every base, spaces, letters) parsed in every
// base the functions accept (0, 2..36) and the invalid 1 and 37. The observation is the value, the end
// offset ("end unset" when the end pointer was not stored) and errno.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <string>

#include "common/fuzz_driver.hpp"

namespace libcdiff::suite {
namespace {

FuzzInput generate_strtol(FuzzRng& rng) {
  // clang-format off
  static const std::vector<std::string> tokens = {
      "0", "1", "7", "8", "9", "a", "f", "F", "g", "z", "Z", "x", "X", "0x", "0X", "0b", "+", "-", " ", "\t",
      "\n", "\v", "9223372036854775807", "9223372036854775808", "18446744073709551616", "ffffffffffffffff",
      "_", ".", "\xC2\xA0"};
  // clang-format on
  static const std::vector<std::string> bases = {"0", "2", "8", "10", "16", "36", "1", "37"};
  return {"base" + rng.pick(bases), fuzz_token_string(rng, tokens, 0, 6)};
}

// The end offset, or "end unset" when the call did not store the end pointer (glibc for an invalid
// base): the offset of a pointer left null would be an address, different from run to run.
std::string end_text(const char* end, const std::string& text) {
  return end == nullptr ? " end unset" : " end " + std::to_string(end - text.c_str());
}

std::string evaluate_strtol(const std::string& variant, const std::string& text) {
  const int base = std::atoi(variant.c_str() + 4);
  std::string out;
  char* end = nullptr;
  errno = 0;
  const long value = std::strtol(text.c_str(), &end, base);
  out += "strtol " + std::to_string(value) + end_text(end, text) +
         (errno == 0 ? "" : " errno " + std::to_string(errno));
  errno = 0;
  end = nullptr;
  const unsigned long uvalue = std::strtoul(text.c_str(), &end, base);
  out += "; strtoul " + std::to_string(uvalue) + end_text(end, text) +
         (errno == 0 ? "" : " errno " + std::to_string(errno));
  return out;
}

TEST(Stdio, FuzzStrtol) {
  run_fuzz_sweep(
      {.family = "strtol", .default_count = 20000, .generate = generate_strtol, .evaluate = evaluate_strtol});
}

}  // namespace
}  // namespace libcdiff::suite
