// Locale names: which names a libc accepts and what an empty environment selects.
// References: musl src/locale/locale_map.c (__get_locale), musl wiki "Functional differences from glibc".
#include <gtest/gtest.h>
#include <langinfo.h>

#include <locale.h>
#include <cerrno>
#include <clocale>
#include <cstdlib>
#include <cwchar>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

std::string setlocale_outcome(const char* name) {
  const char* result = std::setlocale(LC_ALL, name);
  return result == nullptr ? "NULL" : std::string(result);
}

// musl accepts any syntactically valid name ("make a locale map object anyway"); glibc only installed ones.
TEST_F(Locale, AnyNameAccepted) {
  const std::string invented = setlocale_outcome("xx_YY.UTF-8");
  const std::string unknown_country = setlocale_outcome("de_XX");
  observe("setlocale_xx_YY.UTF-8", invented);
  observe("setlocale_de_XX", unknown_country);
  // POSIX: a successful setlocale leaves a queryable locale behind.
  if (invented != "NULL") EXPECT_NE(std::setlocale(LC_ALL, nullptr), nullptr);
}

TEST_F(Locale, NewlocaleUnknownName) {
  errno = 0;
  locale_t loc = newlocale(LC_ALL_MASK, "xx_YY.UTF-8", static_cast<locale_t>(0));
  observe("newlocale_xx_YY.UTF-8",
          loc == static_cast<locale_t>(0) ? "NULL, " + errno_name(errno) : "a locale");
  if (loc != static_cast<locale_t>(0)) freelocale(loc);
}

// With LANG and LC_* unset, setlocale(LC_ALL, "") selects "C" on glibc but a UTF-8 LC_CTYPE on musl.
TEST_F(Locale, EmptyEnvironmentDefault) {
  const char* name = std::setlocale(LC_ALL, "");
  ASSERT_NE(name, nullptr) << "setlocale(LC_ALL, \"\") with no LANG/LC_* must succeed";
  observe("setlocale_empty", name);
  observe("codeset", nl_langinfo(CODESET));
  observe("mb_cur_max", static_cast<long long>(MB_CUR_MAX));
  std::mbstate_t state{};
  wchar_t wc = 0;
  const size_t n = std::mbrtowc(&wc, "\xc3\xa9", 2, &state);
  observe("mbrtowc_c3_a9",
          n == static_cast<size_t>(-1) ? "-1 EILSEQ" : std::to_string(n) + " " + codepoint(wc));
}

// C.UTF-8 exists on both (glibc >= 2.35 has it built in). MB_CUR_MAX is only required to be large
// enough for the locale, so the test asserts >= 4 and records the value.
TEST_F(Locale, CUtf8Properties) {
  LIBCDIFF_REQUIRE_LOCALE("C.UTF-8");
  observe("codeset", nl_langinfo(CODESET));
  observe("mb_cur_max", static_cast<long long>(MB_CUR_MAX));
  EXPECT_GE(MB_CUR_MAX, 4u) << "MB_CUR_MAX in a UTF-8 locale: got " << MB_CUR_MAX << ", want >= 4";
}

}  // namespace
}  // namespace libcdiff::suite
