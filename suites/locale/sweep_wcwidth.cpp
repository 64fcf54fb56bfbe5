// Sweep: wcwidth of every code point.
// Domain: every code point U+0000..U+10FFFF (the Unicode code space; the surrogates U+D800..U+DFFF
// are included because a wchar_t can hold them), plus U+110000 and U+7FFFFFFF just past it, in the
// C.UTF-8 locale. Key "wcwidth C.UTF-8 U+XXXX", value the return value (-1, 0, 1 or 2).
#include <gtest/gtest.h>

#include <cwchar>
#include <string>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

TEST_F(Locale, SweepWcwidth) {
  LIBCDIFF_REQUIRE_LOCALE("C.UTF-8");
  SweepTable table;
  table.reserve(0x110002);
  const std::string family = "wcwidth C.UTF-8 ";
  auto record = [&](wint_t c) { table.set(family + codepoint(c), wcwidth(static_cast<wchar_t>(c))); };
  for (wint_t c = 0; c <= 0x10FFFF; ++c) record(c);
  record(0x110000);
  record(0x7FFFFFFF);
  EXPECT_EQ(wcwidth(L'A'), 1);
  EXPECT_EQ(wcwidth(L'\0'), 0);
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
