// Differential fuzzing of strptime (issue 12 item 4; common/fuzz_driver.hpp), with TZ=UTC in the C
// locale. The variant "fN" selects the N-th format of kFormats below: every conversion POSIX and
// the GNU extensions define, the E and O modified forms, and a few combinations. The input is 0-7
// tokens of digits and digit runs, signs, spaces, ':' '/' '-' 'T', month and day names and
// abbreviations of the C locale, AM/PM, time-zone names and numeric offsets.
// struct tm is filled with the sentinel -99 in every int field, tm_gmtoff -99 and tm_zone pointing
// at a sentinel string before the call. Observation: the format, then "NULL" or "end N" (the offset
// of the returned pointer), then every field that is no longer the sentinel as name=value
// ("sec min hour mday mon year wday yday isdst gmtoff zone"; zone as its text or NULL).
#include <gtest/gtest.h>

#include <clocale>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "common/fuzz_driver.hpp"

namespace libcdiff::suite {
namespace {

const std::vector<std::string> kFormats = {
    // 0-30: the single conversions
    "%a", "%A", "%b", "%B", "%c", "%C", "%d", "%D", "%e", "%F", "%g", "%G", "%h", "%H", "%I", "%j", "%m",
    "%M", "%n", "%p", "%r", "%R", "%S", "%t", "%T", "%u", "%U", "%V", "%w", "%W", "%x",
    // 31-37
    "%X", "%y", "%Y", "%z", "%Z", "%%", "%s",
    // 38-56: the modified forms
    "%Ec", "%EC", "%Ex", "%EX", "%Ey", "%EY", "%Od", "%Oe", "%OH", "%OI", "%Om", "%OM", "%OS", "%Ou", "%OU",
    "%OV", "%Ow", "%OW", "%Oy",
    // 57-66: combinations
    "%Y-%m-%d", "%H:%M:%S", "%a %b %e %H:%M:%S %Y", "%d/%m/%y", "%I:%M %p", "%Y-%m-%dT%H:%M:%S%z", "%j %Y",
    "%C%y", "%G-W%V-%u", "%y %U %w",
    // 67-70: GNU additions
    "%k", "%l", "%P", "%Ou %OV"};

FuzzInput generate_strptime(FuzzRng& rng) {
  static const std::vector<std::string> tokens = {
      "0",   "1",   "2",      "7",     "9",      "12",      "24",    "31",     "59",   "60",
      "61",  "99",  "366",    "1970",  "2024",   "99999",   "-",     "+",      " ",    "  ",
      "\t",  ":",   "/",      "T",     "Jan",    "January", "feb",   "MAY",    "Sept", "Sep",
      "Dec", "Mon", "Monday", "thu",   "Sun",    "AM",      "PM",    "am",     "p.m.", "UTC",
      "GMT", "EST", "Z",      "+0100", "-05:30", "+14",     "-1200", "+99:99", "x"};
  return {"f" + std::to_string(rng.below(kFormats.size())), fuzz_token_string(rng, tokens, 0, 7)};
}

std::string evaluate_strptime(const std::string& variant, const std::string& text) {
  const unsigned long index = std::strtoul(variant.c_str() + 1, nullptr, 10);
  if (variant.empty() || variant[0] != 'f' || index >= kFormats.size()) return "bad variant";
  static const char sentinel_zone[] = "sentinel";
  std::tm tm;
  tm.tm_sec = tm.tm_min = tm.tm_hour = tm.tm_mday = tm.tm_mon = tm.tm_year = -99;
  tm.tm_wday = tm.tm_yday = tm.tm_isdst = -99;
  tm.tm_gmtoff = -99;
  tm.tm_zone = sentinel_zone;
  const char* end = strptime(text.c_str(), kFormats[index].c_str(), &tm);
  std::string out = "format " + kFormats[index] + " ";
  out += end == nullptr ? "NULL" : "end " + std::to_string(end - text.c_str());
  const std::pair<const char*, int> fields[] = {
      {"sec", tm.tm_sec},   {"min", tm.tm_min},   {"hour", tm.tm_hour},
      {"mday", tm.tm_mday}, {"mon", tm.tm_mon},   {"year", tm.tm_year},
      {"wday", tm.tm_wday}, {"yday", tm.tm_yday}, {"isdst", tm.tm_isdst}};
  for (const auto& [name, value] : fields)
    if (value != -99) out += std::string(" ") + name + "=" + std::to_string(value);
  if (tm.tm_gmtoff != -99) out += " gmtoff=" + std::to_string(tm.tm_gmtoff);
  if (tm.tm_zone != sentinel_zone) out += std::string(" zone=") + (tm.tm_zone ? tm.tm_zone : "NULL");
  return out;
}

TEST(Time, FuzzStrptime) {
  const char* old_tz = std::getenv("TZ");
  const std::string saved_tz = old_tz ? old_tz : "";
  setenv("TZ", "UTC", 1);
  tzset();
  const std::string saved_locale = std::setlocale(LC_ALL, nullptr);
  std::setlocale(LC_ALL, "C");
  run_fuzz_sweep({.family = "strptime",
                  .default_count = 50000,
                  .generate = generate_strptime,
                  .evaluate = evaluate_strptime});
  std::setlocale(LC_ALL, saved_locale.c_str());
  if (old_tz)
    setenv("TZ", saved_tz.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
}

}  // namespace
}  // namespace libcdiff::suite
