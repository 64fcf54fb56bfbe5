// Differential fuzzing of strtod, strtof and strtold (issue 12 item 4; common/fuzz_driver.hpp).
// Generated: 1-8 tokens of digits, '.', e E p P, x X 0x 0X, + -, hexadecimal digits, inf infinity
// nan and nan( ) with n-char characters, white space, long digit runs (for rounding, overflow and
// underflow), exponents near the limits of float, double and long double, and a UTF-8 no-break space.
// Observation per function: the value as exact hexadecimal floating point computed from its bits
// (common/float_text.hpp: the libc's own %a/%La spelling differs and must not enter), the end offset
// and errno when the call set it: "strtod 0x1.8p+1 end 3; strtof ...; strtold ... errno ERANGE".
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/float_text.hpp"
#include "common/fuzz_driver.hpp"
#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

FuzzInput generate_strtod(FuzzRng& rng) {
  // clang-format off
  static const std::vector<std::string> tokens = {
      "0", "1", "5", "9", ".", "e", "E", "p", "P", "x", "X", "0x", "0X", "+", "-", "a", "f", "F", "inf", "INF",
      "infinity", "nan", "NaN", "nan(", ")", "_", "z", " ", "\t", "\n", "e-", "e+", "p-", "1e308", "1e309",
      "e-324", "2.4703282292062327e-324", "1e38", "3.4028235677973366e38", "1e4932", "1e-4951", "1p1024",
      "fffffffffffff8", "00000000000000000000", "12345678901234567890123456789",
      "999999999999999999999999999999", "0000000000000000000000000000001", "\xC2\xA0"};
  // clang-format on
  return {"", fuzz_token_string(rng, tokens, 1, 8)};
}

template <typename T>
std::string observe(const char* name, T (*convert)(const char*, char**), const std::string& text) {
  char* end = nullptr;
  errno = 0;
  const T value = convert(text.c_str(), &end);
  const int error = errno;
  return std::string(name) + " " + float_text(value) + " end " + std::to_string(end - text.c_str()) +
         (error == 0 ? "" : " errno " + errno_name(error));
}

std::string evaluate_strtod(const std::string&, const std::string& text) {
  return observe<double>("strtod", std::strtod, text) + "; " + observe<float>("strtof", std::strtof, text) +
         "; " + observe<long double>("strtold", std::strtold, text);
}

TEST(Stdio, FuzzStrtod) {
  run_fuzz_sweep(
      {.family = "strtod", .default_count = 40000, .generate = generate_strtod, .evaluate = evaluate_strtod});
}

}  // namespace
}  // namespace libcdiff::suite
