// LC_TIME: musl has no localized day/month names or date formats; only .mo catalogs under MUSL_LOCPATH
// can translate them. References: musl src/locale/langinfo.c, musl wiki "Open issues".
#include <gtest/gtest.h>
#include <langinfo.h>

#include <clocale>
#include <ctime>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

struct tm monday_4_march_2024() {
  struct tm t = {};
  t.tm_year = 2024 - 1900;
  t.tm_mon = 2;
  t.tm_mday = 4;
  t.tm_wday = 1;
  t.tm_yday = 63;
  t.tm_hour = 13;
  t.tm_min = 5;
  return t;
}

std::string format_time(const char* format) {
  const struct tm t = monday_4_march_2024();
  char buffer[128];
  const size_t n = std::strftime(buffer, sizeof buffer, format, &t);
  return n == 0 ? "(empty)" : std::string(buffer, n);
}

TEST_F(Locale, GermanDayAndMonthNames) {
  LIBCDIFF_REQUIRE_LOCALE("de_DE.UTF-8");
  observe("strftime_A_B", format_time("%A %B"));
  observe("strftime_x", format_time("%x"));
  observe("nl_langinfo_DAY_2", nl_langinfo(DAY_2));
  observe("nl_langinfo_MON_3", nl_langinfo(MON_3));
}

TEST_F(Locale, UsEnglishDateFormats) {
  LIBCDIFF_REQUIRE_LOCALE("en_US.UTF-8");
  observe("nl_langinfo_D_FMT", nl_langinfo(D_FMT));
  observe("nl_langinfo_D_T_FMT", nl_langinfo(D_T_FMT));
  observe("nl_langinfo_T_FMT_AMPM", nl_langinfo(T_FMT_AMPM));
  observe("strftime_x", format_time("%x"));
  observe("strftime_c", format_time("%c"));
  const std::string day = format_time("%A");
  EXPECT_EQ(day, "Monday") << "strftime %A in en_US: got " << day << ", want Monday";
}

}  // namespace
}  // namespace libcdiff::suite
