// Sweep: every strftime conversion character with every modifier and flag.
// Domain: '%' followed by every printable ASCII character 0x21..0x7E (C 7.27.3.5 and POSIX strftime
// define the conversions among them; the others are undefined and show what each libc does with
// them), each alone and after each modifier and flag: the E and O modifiers, the flags - _ 0 ^ #
// (glibc, musl) and + (POSIX.1-2008), a field width 10 alone and after each flag; on five fixed
// struct tm values (a plain weekday, a Sunday at midnight in ISO week 53 of the previous year, a leap
// second on New Year's Eve, year -1 and year 12345) in the C locale with TZ=UTC0 (for %s).
// Key "strftime <tm> %<modifier or flag and width> <conversion character>" (the format is the last two
// words joined: "strftime <tm> %-10 Y" is "%-10Y"), so that each modifier is a family and runs of
// conversion characters collapse into ranges. The value is the output; "(0)" when strftime returns 0
// (256-byte buffer); "(format echoed)" when the output is the format itself, and "(format echoed,
// N spaces)" when it is the format after N spaces of padding (glibc prints unknown conversions).
#include <gtest/gtest.h>

#include <clocale>
#include <cstdlib>
#include <ctime>
#include <string>

#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

struct NamedTm {
  const char* label;
  struct tm value;
};

struct tm make_tm(int year, int mon, int mday, int hour, int min, int sec, int wday, int yday) {
  struct tm t {};
  t.tm_year = year - 1900;
  t.tm_mon = mon - 1;
  t.tm_mday = mday;
  t.tm_hour = hour;
  t.tm_min = min;
  t.tm_sec = sec;
  t.tm_wday = wday;
  t.tm_yday = yday;
  t.tm_isdst = 0;
  t.tm_gmtoff = 0;
  t.tm_zone = "UTC";
  return t;
}

std::string describe(const std::string& format, const std::string& output) {
  if (output.empty()) return "(0)";
  if (output == format) return "(format echoed)";
  const size_t spaces = output.size() - format.size();
  if (output.size() > format.size() && output.compare(spaces, std::string::npos, format) == 0 &&
      output.find_first_not_of(' ') == spaces)
    return "(format echoed, " + std::to_string(spaces) + " spaces)";
  return output;
}

constexpr const char* kPrefixes[] = {"",  "E",  "O",   "-",   "_",   "0",   "^",   "#",
                                     "+", "10", "-10", "_10", "010", "^10", "#10", "+10"};

TEST(Time, SweepStrftime) {
  std::setlocale(LC_ALL, "C");
  setenv("TZ", "UTC0", 1);
  tzset();
  const NamedTm tms[] = {
      {"tue-2023-11-14T13:05:09", make_tm(2023, 11, 14, 13, 5, 9, 2, 317)},
      {"sun-2021-01-03T00:00:00", make_tm(2021, 1, 3, 0, 0, 0, 0, 2)},
      {"fri-1999-12-31T23:59:60", make_tm(1999, 12, 31, 23, 59, 60, 5, 364)},
      {"fri-year-1-01-01T08:00:00", make_tm(-1, 1, 1, 8, 0, 0, 5, 0)},
      {"sat-year12345-12-31T18:30:00", make_tm(12345, 12, 31, 18, 30, 0, 6, 364)},
  };
  SweepTable table;
  for (const NamedTm& t : tms) {
    for (const char* prefix : kPrefixes) {
      const std::string family = std::string("strftime ") + t.label + " %" + prefix + " ";
      for (int c = 0x21; c <= 0x7E; ++c) {
        const std::string format = std::string("%") + prefix + static_cast<char>(c);
        char buffer[256];
        const size_t n = strftime(buffer, sizeof buffer, format.c_str(), &t.value);
        table.set(family + static_cast<char>(c),
                  describe(format, n == 0 ? std::string() : std::string(buffer, n)));
      }
    }
  }
  char buffer[64];
  ASSERT_GT(strftime(buffer, sizeof buffer, "%Y-%m-%d", &tms[0].value), 0u);
  EXPECT_STREQ(buffer, "2023-11-14");
  unsetenv("TZ");
  tzset();
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
