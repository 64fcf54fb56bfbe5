// printf family. References: musl wiki "printf behavior", musl src/stdio/vfprintf.c,
// glibc stdio-common/vfprintf-internal.c.
#include <gtest/gtest.h>

#include <cerrno>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

// Formats through a non-literal format string: the cases probe the libc, not the compiler's
// format checking or its printf-to-puts rewrites.
std::string format(const char* format_text, ...) {
  const char* volatile fmt = format_text;
  char buffer[256];
  va_list args;
  va_start(args, format_text);
  errno = 0;
  const int n = std::vsnprintf(buffer, sizeof buffer, fmt, args);
  const int saved = errno;
  va_end(args);
  if (n < 0) return "-1 " + errno_name(saved);
  return std::string(buffer) + " (" + std::to_string(n) + ")";
}

TEST(Stdio, PrintfGnuLengthModifiers) {
  observe("percent_Ld", format("%Ld|", 5LL));
  observe("percent_qd", format("%qd|", 5LL));
  observe("percent_Zd", format("%Zd|", static_cast<size_t>(5)));
  EXPECT_EQ(format("%lld|", 5LL), "5| (2)") << "the standard spelling must work everywhere";
}

TEST(Stdio, PrintfNullPointers) {
  observe("percent_p_NULL", format("%p", static_cast<void*>(nullptr)));
  observe("percent_s_NULL", format("[%s]", static_cast<char*>(nullptr)));
  observe("percent_.3s_NULL", format("[%.3s]", static_cast<char*>(nullptr)));
  EXPECT_EQ(format("%p", reinterpret_cast<void*>(0x1234)), "0x1234 (6)");
}

// Negative control: C99 floating-point formatting is exact on both.
TEST(Stdio, PrintfFloatingPoint) {
  observe("a_1.0", format("%a", 1.0));
  observe("a_0.1", format("%a", 0.1));
  observe("g_1e-5", format("%g", 1e-5));
  observe("e_123456.789", format("%.3e", 123456.789));
  observe("f_0.125_2", format("%.2f", 0.125));
  observe("f_inf_nan", format("%f %F %f", INFINITY, -INFINITY, NAN));
  observe("f_1e300", format("%.0f", 1e300).substr(0, 12));
  EXPECT_EQ(format("%.1f", 0.25), "0.2 (3)") << "round-half-even on an exact binary value";
}

// Negative control: the shortest round trip with %.17g and strtod.
TEST(Stdio, StrtodRoundTrip) {
  for (double v :
       {0.1, 1.0 / 3.0, 2.2250738585072014e-308, 1.7976931348623157e308, 5e-324, 123456789.123456789}) {
    char text[64];
    std::snprintf(text, sizeof text, "%.17g", v);
    const double back = std::strtod(text, nullptr);
    EXPECT_EQ(back, v) << text;
    observe(std::string("g17_") + text, back == v ? "round-trips" : "differs");
  }
  char* end = nullptr;
  observe("strtod_hex", format("%a", std::strtod("0x1.8p1", &end)));
  observe("strtod_inf_nan", format("%f %f", std::strtod("inf", nullptr), std::strtod("-nan", nullptr)));
  observe("strtod_denormal_errno", [] {
    errno = 0;
    std::strtod("1e-320", nullptr);
    return errno_name(errno);
  }());
}

}  // namespace
}  // namespace libcdiff::suite
