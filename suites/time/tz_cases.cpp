// TZ handling. References: musl src/time/__tz.c (do_tzset, posix form never looked up as a file,
// names with '.' rejected, no TZDIR), musl wiki "Environment variables: TZ", glibc time/tzset.c,
// time/tzfile.c (TZDIR, posixrules fallback).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

// 2023-11-14 12:00:00 UTC: after the end of DST in Europe and the US.
constexpr time_t kNovember = 1699963200;
// 2023-07-14 12:00:00 UTC: inside DST.
constexpr time_t kJuly = 1689336000;

std::string local(const char* tz, time_t when) {
  setenv("TZ", tz, 1);
  tzset();
  struct tm t {};
  localtime_r(&when, &t);
  char buffer[64];
  strftime(buffer, sizeof buffer, "%H:%M %Z %z", &t);
  return buffer;
}

// Every case leaves TZ and TZDIR unset, whatever it set.
struct TzGuard {
  ~TzGuard() {
    unsetenv("TZ");
    unsetenv("TZDIR");
    tzset();
  }
};

bool have_zoneinfo() {
  struct stat st {};
  return stat("/usr/share/zoneinfo/Europe/Paris", &st) == 0;
}

TEST(Time, UnknownZoneName) {
  TzGuard guard;
  observe("TZ_Nonexistent_Zone", local("Nonexistent/Zone", kNovember));
  const std::string utc = local("UTC0", kNovember);
  EXPECT_EQ(utc.substr(0, 5), "12:00") << "TZ=UTC0: got " << utc;
}

TEST(Time, PosixTzWithoutTransitionRules) {
  TzGuard guard;
  observe("TZ_CET-1CEST_november", local("CET-1CEST", kNovember));
  observe("TZ_EST5EDT_november", local("EST5EDT", kNovember));
  observe("TZ_with_rules_november", local("CET-1CEST,M3.5.0,M10.5.0/3", kNovember));
  EXPECT_EQ(local("CET-1CEST,M3.5.0,M10.5.0/3", kJuly).substr(0, 5), "14:00")
      << "explicit rules work everywhere";
}

TEST(Time, ZoneNameWithDotDot) {
  TzGuard guard;
  if (!have_zoneinfo())
    GTEST_SKIP() << "no /usr/share/zoneinfo on this machine (install tzdata): an image difference";
  observe("TZ_Europe_dotdot_Europe_Paris", local("Europe/../Europe/Paris", kNovember));
  observe("TZ_colon_Europe_Paris", local(":Europe/Paris", kNovember));
  EXPECT_EQ(local("Europe/Paris", kNovember), "13:00 CET +0100");
}

TEST(Time, TzdirIsHonoured) {
  TzGuard guard;
  if (!have_zoneinfo())
    GTEST_SKIP() << "no /usr/share/zoneinfo on this machine (install tzdata): an image difference";
  // A TZDIR holding nothing: a libc that honours it cannot find Europe/Paris there.
  setenv("TZDIR", "/nonexistent-zoneinfo", 1);
  observe("TZ_Europe_Paris_with_empty_TZDIR", local("Europe/Paris", kNovember));
  SUCCEED();
}

}  // namespace
}  // namespace libcdiff::suite
