// strftime/strptime. References: musl src/time/strftime.c (GNU flags -, _, 0 since 1.1.19; no %k %l %P
// %^ %#), glibc time/strftime_l.c.
#include <gtest/gtest.h>

#include <ctime>
#include <string>

#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

struct tm tuesday_evening() {
  struct tm t {};
  t.tm_year = 2024 - 1900;
  t.tm_mon = 2;
  t.tm_mday = 5;
  t.tm_wday = 2;
  t.tm_yday = 64;
  t.tm_hour = 22;
  t.tm_min = 7;
  t.tm_sec = 9;
  return t;
}

std::string format(const char* format_text) {
  const char* volatile fmt = format_text;
  const struct tm t = tuesday_evening();
  char buffer[128];
  const size_t n = strftime(buffer, sizeof buffer, fmt, &t);
  return n == 0 ? "(0: empty)" : std::string(buffer, n);
}

TEST(Time, StrftimeGnuExtensions) {
  for (const char* f : {"%k", "%l", "%P", "%^a", "%10A", "%#b"})
    observe(std::string("strftime_") + f, format(f));
  EXPECT_EQ(format("%H:%M"), "22:07");
}

// Negative control: the GNU padding flags and ISO 8601 week fields exist on both (musl >= 1.1.19).
TEST(Time, StrftimePaddingAndIsoWeek) {
  for (const char* f : {"%-d", "%_H", "%0e", "%G-W%V-%u", "%C", "%j"})
    observe(std::string("strftime_") + f, format(f));
  EXPECT_EQ(format("%Y-%m-%d"), "2024-03-05");
}

// Negative control: strptime of an ISO timestamp.
TEST(Time, StrptimeIso) {
  struct tm t {};
  const char* end = strptime("2024-03-05 22:07:09", "%Y-%m-%d %H:%M:%S", &t);
  ASSERT_NE(end, nullptr);
  observe("parsed", std::to_string(t.tm_year + 1900) + "-" + std::to_string(t.tm_mon + 1) + "-" +
                        std::to_string(t.tm_mday) + " " + std::to_string(t.tm_hour) + ":" +
                        std::to_string(t.tm_min));
  observe("sizeof_time_t", static_cast<long long>(sizeof(time_t)));
}

}  // namespace
}  // namespace libcdiff::suite
