// Sweep: every single byte of every charset musl's iconv knows, decoded to UTF-8.
// Domain: the aliases of musl's charmaps table (src/locale/iconv.c, generated into
// sweep_charset_names_musl.inc by scripts/sweeps/iconv_charset_names.py: the charsets a program
// moving to musl can still use) x every byte 0x00..0xFF, each converted alone from the charset to
// UTF-8 (one iconv() call from the initial shift state, then the flush). Key
// "byte-to-UTF-8 <charset> 0xNN"; the value is the decoded character relative to the byte ("=" when
// it is the same number, else "+N"/"-N"), so runs of a code page that follow Latin-1 or a fixed offset
// collapse into ranges; several characters are listed as U+XXXX; "(empty)" when nothing came out;
// "-1 ERRNO" on failure (EINVAL: an incomplete multibyte character); "r=N" is added when iconv
// reported N irreversible conversions; "iconv_open failed ERRNO" when this libc lacks the name.
#include <gtest/gtest.h>
#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <string>

#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

constexpr const char* kMuslNames[] = {
#include "sweep_charset_names_musl.inc"
};

std::string relative(long long from, long long to) {
  if (to == from) return "=";
  std::string out = to > from ? "+" : "";  // not "+" + std::string: g++ 12 -Wrestrict false positive
  out += std::to_string(to - from);
  return out;
}

// The code points of well-formed UTF-8 output; false when it is not well-formed.
bool decode_utf8(const std::string& s, std::string& points, long long& first, int& count) {
  count = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    const int n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return false;
    long long c = n == 1 ? b : b & (0x7F >> n);
    for (int k = 1; k < n; ++k) c = c << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (count++ == 0) first = c;
    if (!points.empty()) points += ' ';
    points += codepoint(static_cast<wint_t>(c));
    i += static_cast<size_t>(n);
  }
  return true;
}

std::string decode_byte(iconv_t cd, int byte) {
  iconv(cd, nullptr, nullptr, nullptr, nullptr);  // back to the initial state
  char in[1] = {static_cast<char>(byte)};
  char out[64];
  char* in_ptr = in;
  size_t in_left = 1;
  char* out_ptr = out;
  size_t out_left = sizeof out;
  errno = 0;
  const size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  if (r == static_cast<size_t>(-1)) return "-1 " + errno_name(errno);
  iconv(cd, nullptr, nullptr, &out_ptr, &out_left);
  const std::string produced(out, static_cast<size_t>(out_ptr - out));
  std::string value;
  std::string points;
  long long first = 0;
  int count = 0;
  if (produced.empty())
    value = "(empty)";
  else if (!decode_utf8(produced, points, first, count))
    value = "not UTF-8";
  else
    value = count == 1 ? relative(byte, first) : points;
  if (r != 0) value += " r=" + std::to_string(r);
  return value;
}

TEST(Iconv, SweepByteMaps) {
  SweepTable table;
  for (const char* name : kMuslNames) {
    const std::string family = std::string("byte-to-UTF-8 ") + name + " ";
    errno = 0;
    iconv_t cd = iconv_open("UTF-8", name);
    const std::string failure =
        cd == reinterpret_cast<iconv_t>(-1) ? "iconv_open failed " + errno_name(errno) : "";
    for (int b = 0; b <= 0xFF; ++b) {
      char key[8];
      std::snprintf(key, sizeof key, "0x%02X", static_cast<unsigned>(b));
      table.set(family + key, failure.empty() ? decode_byte(cd, b) : failure);
    }
    if (failure.empty()) iconv_close(cd);
  }
  iconv_t latin1 = iconv_open("UTF-8", "ISO-8859-1");
  ASSERT_NE(latin1, reinterpret_cast<iconv_t>(-1));
  EXPECT_EQ(decode_byte(latin1, 0xE9), "=");
  iconv_close(latin1);
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
