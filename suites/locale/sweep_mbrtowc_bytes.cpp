// Sweep: every single byte through the multibyte decoders, per locale.
// Domain: every byte value 0x00..0xFF (the whole domain of a one-byte input), in the locales "C"
// and "C.UTF-8", through mbrtowc (a one-byte buffer, initial state), mblen and btowc. Keys
// "mbrtowc <locale> 0xNN", "mblen <locale> 0xNN", "btowc <locale> 0xNN". The wide character a
// decoder produces is recorded relative to the byte ("=" for the same value, else "+N"), so the
// 128 high bytes of a byte-based C locale collapse into one range whatever the code points they map to.
#include <gtest/gtest.h>

#include <cerrno>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cwchar>
#include <string>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

std::string relative(long long from, long long to) {
  if (to == from) return "=";
  std::string out = to > from ? "+" : "";  // not "+" + std::string: g++ 12 -Wrestrict false positive
  out += std::to_string(to - from);
  return out;
}

std::string byte_key(int b) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", static_cast<unsigned>(b));
  return buffer;
}

std::string mbrtowc_of(int b) {
  const char in = static_cast<char>(b);
  std::mbstate_t state{};
  wchar_t wc = 0;
  errno = 0;
  const size_t n = std::mbrtowc(&wc, &in, 1, &state);
  if (n == static_cast<size_t>(-1)) return "-1 " + errno_name(errno);
  if (n == static_cast<size_t>(-2))
    return std::string("-2 incomplete") + (std::mbsinit(&state) ? "" : " state");
  return std::to_string(n) + " " + relative(b, static_cast<long long>(wc));
}

std::string mblen_of(int b) {
  const char in = static_cast<char>(b);
  (void)std::mblen(nullptr, 0);  // reset the internal state
  errno = 0;
  const int n = std::mblen(&in, 1);
  return n < 0 ? std::to_string(n) + " " + errno_name(errno) : std::to_string(n);
}

std::string btowc_of(int b) {
  const wint_t w = std::btowc(b);
  return w == WEOF ? "WEOF" : relative(b, static_cast<long long>(w));
}

TEST_F(Locale, SweepMbrtowcBytes) {
  SweepTable table;
  for (const char* name : {"C", "C.UTF-8"}) {
    if (std::setlocale(LC_ALL, name) == nullptr) GTEST_SKIP() << missing_locale_reason(name);
    const std::string locale = std::string(name) + " ";
    for (int b = 0; b <= 255; ++b) {
      const std::string key = byte_key(b);
      table.set("mbrtowc " + locale + key, mbrtowc_of(b));
      table.set("mblen " + locale + key, mblen_of(b));
      table.set("btowc " + locale + key, btowc_of(b));
    }
  }
  std::setlocale(LC_ALL, "C");
  EXPECT_EQ(mbrtowc_of('A'), "1 =");
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
