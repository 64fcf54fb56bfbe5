// Sweep: towupper and towlower of every code point, per locale.
// Domain: every code point U+0000..U+10FFFF (the Unicode code space, surrogates included) in the
// C.UTF-8 locale and in tr_TR.UTF-8 (the locale whose LC_CTYPE is known to carry its own case rules:
// dotted and dotless i), through towupper and towlower. Keys "towupper <locale> U+XXXX" and
// "towlower <locale> U+XXXX"; the value is relative to the key ("=" when the character maps to itself,
// else the signed distance "+32"/"-32"), so a block shifted by the same amount collapses into one range.
#include <gtest/gtest.h>

#include <cwctype>
#include <string>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

std::string relative(wint_t from, wint_t to) {
  if (to == from) return "=";
  const long long delta = static_cast<long long>(to) - static_cast<long long>(from);
  std::string out = delta > 0 ? "+" : "";  // not "+" + std::string: g++ 12 -Wrestrict false positive
  out += std::to_string(delta);
  return out;
}

TEST_F(Locale, SweepTowctrans) {
  const char* const locales[] = {"C.UTF-8", "tr_TR.UTF-8"};
  SweepTable table;
  table.reserve(2 * 2 * 0x110000);
  for (const char* locale : locales) {
    LIBCDIFF_REQUIRE_LOCALE(locale);
    const std::string upper = std::string("towupper ") + locale + " ",
                      lower = std::string("towlower ") + locale + " ";
    for (wint_t c = 0; c <= 0x10FFFF; ++c) {
      const std::string point = codepoint(c);
      table.set(upper + point, relative(c, std::towupper(c)));
      table.set(lower + point, relative(c, std::towlower(c)));
    }
    EXPECT_EQ(std::towupper(L'a'), static_cast<wint_t>(L'A'));
    EXPECT_EQ(std::towlower(L'Z'), static_cast<wint_t>(L'z'));
  }
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
