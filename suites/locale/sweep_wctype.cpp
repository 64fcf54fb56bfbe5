// Sweep: the wide-character classes of every code point.
// Domain: every code point U+0000..U+10FFFF (the Unicode code space, surrogates included) in the
// C.UTF-8 locale, through the eleven class functions of <wctype.h> that C and POSIX define
// (iswalnum and iswalpha ... iswxdigit). Key "iswctype C.UTF-8 U+XXXX", value the set of classes the
// code point belongs to, in a fixed order ("alpha,graph,print,upper"; "none"). One bitmask value per
// code point, not one family per class: blocks share their whole class set, so a run of equal
// differences collapses into one range, and the table has 1.1 million keys instead of 12 million.
#include <gtest/gtest.h>

#include <cwctype>
#include <string>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

struct WideClass {
  const char* name;
  int (*test)(wint_t);
};

constexpr WideClass kClasses[] = {
    {"alnum", ::iswalnum}, {"alpha", ::iswalpha}, {"blank", ::iswblank}, {"cntrl", ::iswcntrl},
    {"digit", ::iswdigit}, {"graph", ::iswgraph}, {"lower", ::iswlower}, {"print", ::iswprint},
    {"punct", ::iswpunct}, {"space", ::iswspace}, {"upper", ::iswupper}, {"xdigit", ::iswxdigit},
};

std::string classes_of(wint_t c) {
  std::string value;
  for (const WideClass& k : kClasses) {
    if (k.test(c) == 0) continue;
    if (!value.empty()) value += ',';
    value += k.name;
  }
  return value.empty() ? "none" : value;
}

TEST_F(Locale, SweepWctype) {
  LIBCDIFF_REQUIRE_LOCALE("C.UTF-8");
  SweepTable table;
  table.reserve(0x110000);
  for (wint_t c = 0; c <= 0x10FFFF; ++c) table.set("iswctype C.UTF-8 " + codepoint(c), classes_of(c));
  EXPECT_EQ(classes_of(L'A'), "alnum,alpha,graph,print,upper,xdigit");
  EXPECT_EQ(classes_of(L' '), "blank,print,space");
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
