// Sweep: generated POSIX TZ strings at fixed instants.
// Domain: TZ strings generated from the grammar of POSIX.1-2024 XBD 8.3 (std offset [dst [offset]
// [,rule]]): four forms of the std designation (alphabetic, quoted "<-03>", too short "XS", unclosed
// "<XST") x twelve std offsets (0, 1, -1, +3 with its sign, 5:30, -5:45, 12, -14, 24, 24:59:59 and
// the out-of-range 25 and 3:60) x thirteen dst parts (none; a name without offset or rule; an explicit
// offset; the M, J and n rule forms; transition times with minutes and seconds, negative and above
// 24 hours; an invalid month; a missing end rule; all-year DST), plus "" and ":". For each string:
//   "localtime <instant> <TZ>"  at six instants of 2023 (both sides of the EU and US transitions):
//                               "<UTC offset> dst=<tm_isdst> <tm_zone>"
//   "tzset <TZ>"                timezone, daylight and tzname[0..1] after tzset().
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "common/observe.hpp"
#include "common/sweep_table.hpp"
#include "time/local_time_text.hpp"

namespace libcdiff::suite {
namespace {

constexpr Instant kInstants[] = {
    {"2023-01-15T12:00:00Z", 1673784000}, {"2023-03-12T09:30:00Z", 1678613400},
    {"2023-03-26T01:30:00Z", 1679794200}, {"2023-07-15T12:00:00Z", 1689422400},
    {"2023-10-29T00:30:00Z", 1698539400}, {"2023-12-31T23:30:00Z", 1704065400},
};

constexpr const char* kStd[] = {"XST", "<-03>", "XS", "<XST"};
constexpr const char* kOffsets[] = {"0",  "1",   "-1", "+3",       "5:30", "-5:45",
                                    "12", "-14", "24", "24:59:59", "25",   "3:60"};
constexpr const char* kDst[] = {
    "",
    "XDT",
    "XDT-2",
    "XDT,M3.5.0,M10.5.0/3",
    "XDT,M3.2.0,M11.1.0",
    "XDT,J60,J300",
    "XDT,59,299",
    "XDT,M3.5.0/2:30:15,M10.5.0/1:05",
    "XDT,M3.5.0/-1,M10.5.0/26",
    "XDT,M3.5.0/167,M10.5.0/-167",
    "XDT,M13.1.0,M10.5.0",
    "XDT,M3.5.0",
    "XDT,J1/0,J365/25",
};

std::vector<std::string> tz_strings() {
  std::vector<std::string> out = {"", ":"};
  for (const char* std_name : kStd)
    for (const char* offset : kOffsets)
      for (const char* dst : kDst) out.push_back(std::string(std_name) + offset + dst);
  return out;
}

TEST(Time, SweepPosixTz) {
  SweepTable table;
  for (const std::string& tz : tz_strings()) {
    setenv("TZ", tz.c_str(), 1);
    tzset();
    // The key's last word is the TZ string; an empty one is written as "(empty)".
    const std::string item = tz.empty() ? "(empty)" : tz;
    table.set("tzset " + item, "timezone=" + std::to_string(timezone) + " daylight=" +
                                   std::to_string(daylight) + " tzname=" + tzname[0] + "/" + tzname[1]);
    for (const Instant& i : kInstants)
      table.set(std::string("localtime ") + i.label + " " + item, local_time_text(i.when));
  }
  setenv("TZ", "XST-1XDT,M3.5.0,M10.5.0/3", 1);
  tzset();
  EXPECT_EQ(local_time_text(1689422400), "+0200 dst=1 XDT");
  unsetenv("TZ");
  tzset();
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
