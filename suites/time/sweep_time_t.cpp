// Sweep: gmtime_r, localtime_r and timegm over the powers of two of time_t.
// Domain: every power of two 2^k of the 64-bit time_t (k = 0..62) with its neighbours 2^k - 1 and
// 2^k + 1, each positive and negative, plus 0, INT64_MIN and INT64_MAX: the bit boundaries of the type
// (2^31 is the 32-bit overflow of 2038, and the broken-down year overflows int near 2^55). Keys:
//   "gmtime <t>"     "YYYY-MM-DDTHH:MM:SS wday=N yday=N" (the year printed in full) or "NULL ERRNO";
//   "localtime <t>"  the same through localtime_r with TZ=UTC0;
//   "timegm <t>"     timegm(gmtime_r(t)) relative to t ("=" when it gives t back), or "timegm -1 ERRNO".
#include <gtest/gtest.h>

#include <cerrno>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <set>
#include <string>

#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

std::set<std::int64_t> instants() {
  std::set<std::int64_t> out = {0, std::numeric_limits<std::int64_t>::min(),
                                std::numeric_limits<std::int64_t>::max()};
  for (int k = 0; k <= 62; ++k) {
    const std::int64_t p = std::int64_t{1} << k;
    for (const std::int64_t v : {p - 1, p, p + 1}) {
      out.insert(v);
      out.insert(-v);
    }
  }
  return out;
}

std::string broken_down(const struct tm* t) {
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "%lld-%02d-%02dT%02d:%02d:%02d wday=%d yday=%d",
                static_cast<long long>(t->tm_year) + 1900, t->tm_mon + 1, t->tm_mday, t->tm_hour, t->tm_min,
                t->tm_sec, t->tm_wday, t->tm_yday);
  return buffer;
}

TEST(Time, SweepTimeT) {
  setenv("TZ", "UTC0", 1);
  tzset();
  SweepTable table;
  for (const std::int64_t v : instants()) {
    const time_t when = static_cast<time_t>(v);
    const std::string point = std::to_string(v);
    struct tm t {};
    errno = 0;
    const bool have_gm = gmtime_r(&when, &t) != nullptr;
    const int gm_errno = errno;
    table.set("gmtime " + point, have_gm ? broken_down(&t) : "NULL " + errno_name(gm_errno));
    if (have_gm) {
      struct tm copy = t;
      errno = 0;
      const time_t back = timegm(&copy);
      if (back == static_cast<time_t>(-1) && v != -1)
        table.set("timegm " + point, "timegm -1 " + errno_name(errno));
      else if (back == when)
        table.set("timegm " + point, "=");
      else
        table.set("timegm " + point, "differs");
    } else {
      table.set("timegm " + point, "(no gmtime)");
    }
    struct tm l {};
    errno = 0;
    const bool have_local = localtime_r(&when, &l) != nullptr;
    table.set("localtime " + point, have_local ? broken_down(&l) : "NULL " + errno_name(errno));
  }
  const time_t y2038 = static_cast<time_t>(std::int64_t{1} << 31);
  struct tm t {};
  ASSERT_NE(gmtime_r(&y2038, &t), nullptr);
  EXPECT_EQ(broken_down(&t), "2038-01-19T03:14:08 wday=2 yday=18");
  unsetenv("TZ");
  tzset();
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
