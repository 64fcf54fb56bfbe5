// Sweeps: the numeric conversions strtod/strtof/strtold (C17 7.22.1.3) and strtol/strtoll/strtoul/
// strtoull (7.22.1.4) over a generated set of subject strings: every combination of
//   leading white space  "", " ", "\t\n\v\f\r"  (isspace in the C locale),
//   sign                 "", "+", "-", "+-"
//   body                 the subject-sequence shapes of 7.22.1.3/4: decimal and hexadecimal digits
//                        with and without a fraction, exponent or binary exponent, prefixes 0x/0X/0
//                        and their incomplete forms, every inf/infinity/nan/nan(n-char-sequence)
//                        spelling the grammar allows and some it does not, and the boundaries where
//                        a result overflows or underflows (DBL_MAX, DBL_TRUE_MIN, halfway cases,
//                        LONG_MAX, ULONG_MAX, 2^64 ...)
//   trailing text        "", "x", " 1"
// For integers the bases are 0, 2, 8, 10, 16 and 36, and the invalid 1 and 37. Each value is
// "<result> end+<characters consumed> <errno>", the result as exact hexadecimal floating point
// computed from its bits (common/float_text.hpp, so printf's own %a spelling does not enter) or decimal.
// Spaces in keys are written U+2420 (␠) because a key's last space separates its family.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "common/float_text.hpp"
#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

const char* const kSpaces[] = {"", " ", "\t\n\v\f\r"};
const char* const kSigns[] = {"", "+", "-", "+-"};
const char* const kTails[] = {"", "x", " 1"};
const char* const kBodies[] = {
    // empty and stray
    "",
    ".",
    "e5",
    "x",
    "_1",
    // decimal
    "0",
    "00",
    "1",
    "123",
    "1.",
    ".5",
    "1.5",
    "1e",
    "1e+",
    "1e-",
    "1e5",
    "1E+5",
    "1e-5",
    "1.5e3",
    "1e+x",
    "1..2",
    "08",
    "09",
    "010",
    "0777",
    "0b101",
    "1_000",
    "1,5",
    // hexadecimal
    "0x",
    "0X",
    "0x.",
    "0x1",
    "0X1F",
    "0xg",
    "0x1p",
    "0x1p3",
    "0x1P-3",
    "0x.8p1",
    "0x1.8",
    "0x1.8p+1",
    "0xp1",
    "0x1e",
    "0xffffffff",
    "0x7fffffffffffffff",
    "0x8000000000000000",
    "0xffffffffffffffff",
    "0x10000000000000000",
    // infinity and not-a-number
    "inf",
    "INF",
    "Inf",
    "infinity",
    "INFINITY",
    "infinit",
    "infinityx",
    "in",
    "nan",
    "NAN",
    "NaN",
    "nan()",
    "nan(1)",
    "nan(0x1)",
    "nan(abc_1)",
    "nan(",
    "nan(1",
    "nan( )",
    "nan(-)",
    "na",
    // floating-point boundaries
    "1.7976931348623157e308",
    "1.7976931348623158e308",
    "1.7976931348623159e308",
    "1e309",
    "2.2250738585072014e-308",
    "2.2250738585072011e-308",
    "4.9406564584124654e-324",
    "2.4703282292062327e-324",
    "2.4703282292062328e-324",
    "1e-400",
    "0x1p1023",
    "0x1.fffffffffffff8p1023",
    "0x1p1024",
    "0x1p-1074",
    "0x1p-1075",
    "0x1.00000000000008p0",
    "0x1.000000000000081p0",
    "3.4028235e38",
    "3.4028236e38",
    "1.4e-45",
    "7e-46",
    "1.18973149535723176502e4932",
    "1e4933",
    "1e-4951",
    "1e-5000",
    "0.000000000000000000000000000000000000000000000000000000000000000000000000001e75",
    "100000000000000000000000000000000000000000000000000000000000000000000000000e-75",
    // integer boundaries
    "127",
    "128",
    "255",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999",
    "zz",
    "ZZ",
    "3w5e11",
    "1y2p0ij32e8e7",
    "1111111111111111111111111111111111111111111111111111111111111111",
    "10000000000000000000000000000000000000000000000000000000000000000",
};

std::string visible(const std::string& s) {
  std::string out;
  for (char c : s) out += c == ' ' ? std::string("\u2420") : std::string(1, c);
  return out.empty() ? std::string("(empty)") : out;
}

// Distinct subjects only: "" + "1" + " 1" and " " + "" + "1"... spell the same string.
std::vector<std::string> subjects() {
  std::set<std::string> out;
  for (const char* space : kSpaces)
    for (const char* sign : kSigns)
      for (const char* body : kBodies)
        for (const char* tail : kTails) out.insert(std::string(space) + sign + body + tail);
  return {out.begin(), out.end()};
}

// The end pointer starts as a sentinel that no call can store (nullptr): a call that leaves it alone
// (glibc for an invalid base) is recorded as "end untouched" instead of as garbage.
std::string outcome(const std::string& result, const char* subject, const char* end, int error) {
  const std::string where = end == nullptr ? " end untouched" : " end+" + std::to_string(end - subject);
  std::string out = result + where;
  if (error != 0) out.append(" ").append(errno_name(error));
  return out;
}

TEST(Stdio, SweepStrtod) {
  SweepTable table;
  for (const std::string& s : subjects()) {
    const std::string key = visible(s);
    const char* p = s.c_str();
    char* end = nullptr;
    end = nullptr;
    errno = 0;
    const double d = std::strtod(p, &end);
    table.set("strtod " + key, outcome(float_text(d), p, end, errno));
    end = nullptr;
    errno = 0;
    const float f = std::strtof(p, &end);
    table.set("strtof " + key, outcome(float_text(f), p, end, errno));
    end = nullptr;
    errno = 0;
    const long double ld = std::strtold(p, &end);
    table.set("strtold " + key, outcome(float_text(ld), p, end, errno));
  }
  table.write();
}

TEST(Stdio, SweepStrtol) {
  SweepTable table;
  const std::vector<std::string> all = subjects();
  for (int base : {0, 1, 2, 8, 10, 16, 36, 37}) {
    const std::string b = " base" + std::to_string(base) + " ";
    for (const std::string& s : all) {
      const std::string key = visible(s);
      const char* p = s.c_str();
      char* end = nullptr;
      end = nullptr;
      errno = 0;
      const long l = std::strtol(p, &end, base);
      table.set("strtol" + b + key, outcome(std::to_string(l), p, end, errno));
      end = nullptr;
      errno = 0;
      const long long ll = std::strtoll(p, &end, base);
      table.set("strtoll" + b + key, outcome(std::to_string(ll), p, end, errno));
      end = nullptr;
      errno = 0;
      const unsigned long ul = std::strtoul(p, &end, base);
      table.set("strtoul" + b + key, outcome(std::to_string(ul), p, end, errno));
      end = nullptr;
      errno = 0;
      const unsigned long long ull = std::strtoull(p, &end, base);
      table.set("strtoull" + b + key, outcome(std::to_string(ull), p, end, errno));
    }
  }
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
