// Sweep: every zone name of the system's tzdata at fixed instants.
// Domain: every zone ("Z") and link ("L") name in /usr/share/zoneinfo/tzdata.zi, the zic input that
// tzdata installs with the compiled files (the glibc and musl targets run on the same host and read
// the same files), x nine fixed instants from 1900 to 2100 (before the first transition, the epoch,
// both sides of the 2023 EU transitions, 2^31 seconds, and 2100, beyond the explicit transitions
// where the TZif footer's POSIX rule applies). With TZ=<zone>:
//   "localtime <instant> <zone>"  "<UTC offset> dst=<tm_isdst> <tm_zone>" from localtime_r
//                                 (or "localtime_r failed ERRNO");
//   "mktime <instant> <zone>"     mktime of that broken-down time (tm_isdst as localtime_r set it)
//                                 relative to the instant: "=" when it gives the instant back;
//   "tzset <zone>"                timezone, daylight and tzname[0..1] after tzset().
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "common/observe.hpp"
#include "common/sweep_table.hpp"
#include "time/local_time_text.hpp"

namespace libcdiff::suite {
namespace {

constexpr Instant kInstants[] = {
    {"1900-01-01T00:00:00Z", -2208988800}, {"1970-01-01T00:00:00Z", 0},
    {"2000-01-01T12:00:00Z", 946728000},   {"2023-01-15T12:00:00Z", 1673784000},
    {"2023-03-26T01:30:00Z", 1679794200},  {"2023-07-15T12:00:00Z", 1689422400},
    {"2023-10-29T00:30:00Z", 1698539400},  {"2038-01-19T03:14:08Z", 2147483648},
    {"2100-07-01T00:00:00Z", 4118083200},
};

constexpr const char* kTzdataZi = "/usr/share/zoneinfo/tzdata.zi";

// "Z name ..." and "L target name" lines of tzdata.zi.
std::set<std::string> zone_names() {
  std::set<std::string> names;
  std::ifstream in(kTzdataZi);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string kind, first, second;
    fields >> kind >> first >> second;
    if (kind == "Z" && !first.empty()) names.insert(first);
    if (kind == "L" && !second.empty()) names.insert(second);
  }
  return names;
}

std::string round_trip(time_t when) {
  struct tm t {};
  if (localtime_r(&when, &t) == nullptr) return "localtime_r failed";
  errno = 0;
  const time_t back = mktime(&t);
  if (back == static_cast<time_t>(-1) && errno != 0) return "mktime failed " + errno_name(errno);
  if (back == when) return "=";
  const long long delta = static_cast<long long>(back) - static_cast<long long>(when);
  std::string out = delta > 0 ? "+" : "";  // not "+" + std::string: g++ 12 -Wrestrict false positive
  out += std::to_string(delta);
  return out;
}

TEST(Time, SweepZones) {
  const std::set<std::string> names = zone_names();
  if (names.empty()) GTEST_SKIP() << "no " << kTzdataZi << " here (install tzdata): an image difference";
  SweepTable table;
  for (const std::string& name : names) {
    setenv("TZ", name.c_str(), 1);
    tzset();
    table.set("tzset " + name, "timezone=" + std::to_string(timezone) + " daylight=" +
                                   std::to_string(daylight) + " tzname=" + tzname[0] + "/" + tzname[1]);
    for (const Instant& i : kInstants) {
      table.set(std::string("localtime ") + i.label + " " + name, local_time_text(i.when));
      table.set(std::string("mktime ") + i.label + " " + name, round_trip(i.when));
    }
  }
  setenv("TZ", "Europe/Paris", 1);
  tzset();
  EXPECT_EQ(local_time_text(1689422400), "+0200 dst=1 CEST");
  unsetenv("TZ");
  tzset();
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
