// Sweep: every <ctype.h> function on every argument it accepts, per locale.
// Domain: the arguments C 7.4 allows (EOF and every unsigned char value 0..255) through each
// classification function of <ctype.h> (isalnum ... isxdigit, plus POSIX/XSI isascii) and the two
// case mappings toupper/tolower, in the locales "C" and "C.UTF-8". Key "<function> <locale> <arg>"
// with the argument as "-1" (EOF) or "0xNN"; classifications record 0 or 1 (the truth, not the
// nonzero value, which C leaves open), case mappings record the result relative to the argument
// ("=" or "+32"/"-32").
#include <gtest/gtest.h>

#include <cctype>
#include <clocale>
#include <cstdio>
#include <string>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

struct ByteClass {
  const char* name;
  int (*test)(int);
};

constexpr ByteClass kClasses[] = {
    {"isalnum", ::isalnum},   {"isalpha", ::isalpha}, {"isascii", ::isascii}, {"isblank", ::isblank},
    {"iscntrl", ::iscntrl},   {"isdigit", ::isdigit}, {"isgraph", ::isgraph}, {"islower", ::islower},
    {"isprint", ::isprint},   {"ispunct", ::ispunct}, {"isspace", ::isspace}, {"isupper", ::isupper},
    {"isxdigit", ::isxdigit},
};

std::string argument(int c) {
  if (c == EOF) return "-1";
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", static_cast<unsigned>(c));
  return buffer;
}

std::string relative(int from, int to) {
  if (to == from) return "=";
  std::string out = to > from ? "+" : "";  // not "+" + std::string: g++ 12 -Wrestrict false positive
  out += std::to_string(to - from);
  return out;
}

TEST_F(Locale, SweepCtypeBytes) {
  SweepTable table;
  for (const char* name : {"C", "C.UTF-8"}) {
    if (std::setlocale(LC_ALL, name) == nullptr) GTEST_SKIP() << missing_locale_reason(name);
    for (int c = EOF; c <= 255; ++c) {
      if (c < 0 && c != EOF) continue;
      const std::string arg = argument(c);
      for (const ByteClass& k : kClasses)
        table.set(std::string(k.name) + " " + name + " " + arg, k.test(c) != 0 ? 1 : 0);
      table.set(std::string("toupper ") + name + " " + arg, relative(c, std::toupper(c)));
      table.set(std::string("tolower ") + name + " " + arg, relative(c, std::tolower(c)));
    }
  }
  std::setlocale(LC_ALL, "C");
  EXPECT_NE(std::isalpha('a'), 0);
  EXPECT_EQ(std::toupper('a'), 'A');
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
