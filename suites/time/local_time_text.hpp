// What localtime_r made of an instant, as the time sweeps record it: "+0200 dst=1 CEST" (the UTC
// offset with seconds only when it has them, tm_isdst, tm_zone), or "localtime_r failed ERRNO".
#pragma once

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <string>

#include "common/observe.hpp"

namespace libcdiff::suite {

// An instant a sweep evaluates, with the label its keys carry.
struct Instant {
  const char* label;
  time_t when;
};

inline std::string utc_offset_text(long seconds) {
  const char sign = seconds < 0 ? '-' : '+';
  const long a = seconds < 0 ? -seconds : seconds;
  char buffer[32];
  if (a % 60 != 0)
    std::snprintf(buffer, sizeof buffer, "%c%02ld%02ld%02ld", sign, a / 3600, a / 60 % 60, a % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%c%02ld%02ld", sign, a / 3600, a / 60 % 60);
  return buffer;
}

inline std::string local_time_text(time_t when) {
  struct tm t {};
  errno = 0;
  if (localtime_r(&when, &t) == nullptr) return "localtime_r failed " + errno_name(errno);
  return utc_offset_text(t.tm_gmtoff) + " dst=" + std::to_string(t.tm_isdst) + " " +
         (t.tm_zone == nullptr ? std::string("NULL") : std::string(t.tm_zone));
}

}  // namespace libcdiff::suite
