// Sweep: wcrtomb and wctob of every code point, per locale.
// Domain: every code point U+0000..U+10FFFF (the Unicode code space, surrogates included) plus
// U+110000 and U+7FFFFFFF just past it, in the locales "C" and "C.UTF-8". Key
// "wcrtomb <locale> U+XXXX", value "<wcrtomb> | wctob <wctob>" (one key for both: wctob is the
// single-byte case of the same conversion, and one key per code point keeps the table at 2.2 million
// keys). wcrtomb's part is the return value and the bytes, written relative to the key so that ranges
// collapse: "3 utf8" when the bytes are the UTF-8 form of the code point (RFC 3629), "1 byte -57088"
// for a single other byte (its value minus the code point), the bytes in hex otherwise, "-1 EILSEQ"
// on failure. wctob's part is "EOF" or the byte relative to the code point.
#include <gtest/gtest.h>

#include <cerrno>
#include <climits>
#include <clocale>
#include <cstdio>
#include <cwchar>
#include <string>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

std::string relative(long long from, long long to) {
  if (to == from) return "=";
  std::string out = to > from ? "+" : "";  // not "+" + std::string: g++ 12 -Wrestrict false positive
  out += std::to_string(to - from);
  return out;
}

std::string wcrtomb_of(wint_t c) {
  char out[MB_LEN_MAX + 1] = {};
  std::mbstate_t state{};
  errno = 0;
  const size_t n = std::wcrtomb(out, static_cast<wchar_t>(c), &state);
  if (n == static_cast<size_t>(-1)) return "-1 " + errno_name(errno);
  const std::string bytes(out, n);
  const std::string count = std::to_string(n);
  if (c <= 0x10FFFF && bytes == utf8(static_cast<char32_t>(c))) return count + " utf8";
  if (n == 1) return "1 byte " + relative(c, static_cast<unsigned char>(out[0]));
  std::string hex = count;
  for (unsigned char b : bytes) {
    char buffer[4];
    std::snprintf(buffer, sizeof buffer, " %02x", b);
    hex += buffer;
  }
  return hex;
}

std::string wctob_of(wint_t c) {
  const int b = std::wctob(c);
  return b == EOF ? "EOF" : relative(c, b);
}

TEST_F(Locale, SweepWcrtomb) {
  SweepTable table;
  table.reserve(2 * 0x110002);
  for (const char* name : {"C", "C.UTF-8"}) {
    if (std::setlocale(LC_ALL, name) == nullptr) GTEST_SKIP() << missing_locale_reason(name);
    const std::string family = std::string("wcrtomb ") + name + " ";
    auto record = [&](wint_t c) {
      table.set(family + codepoint(c), wcrtomb_of(c) + " | wctob " + wctob_of(c));
    };
    for (wint_t c = 0; c <= 0x10FFFF; ++c) record(c);
    record(0x110000);
    record(0x7FFFFFFF);
  }
  std::setlocale(LC_ALL, "C.UTF-8");
  EXPECT_EQ(wcrtomb_of(0x20AC), "3 utf8");
  std::setlocale(LC_ALL, "C");
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
