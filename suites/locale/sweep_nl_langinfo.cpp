// Sweep: nl_langinfo of every item name <langinfo.h> defines, per locale.
// Domain: the union of the item macros that glibc's and musl's <langinfo.h> define with _GNU_SOURCE
// (listed with `cc -E -dM -D_GNU_SOURCE` on each sysroot: the POSIX items, YESSTR/NOSTR, CRNCYSTR,
// glibc's ALTMON_n, ERA_YEAR, _DATE_FMT and LC_MONETARY/LC_NUMERIC items; the underscore-prefixed
// _NL_* names are glibc's internal tables and are left out), plus NL_LOCALE_NAME(category) for every
// category both define; x the locales "C", "POSIX", "C.UTF-8" and the glibc locales scripts/setup.sh
// installs (de_DE, en_US, fr_FR, tr_TR .UTF-8). An item the header of this libc does not define is
// recorded as "undefined in <langinfo.h>"; a locale newlocale refuses as "newlocale failed ERRNO".
// Key "nl_langinfo <locale> <ITEM>", value the returned string (escaped by the table).
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1  // ALTMON_n, _DATE_FMT and NL_LOCALE_NAME need it on glibc
#endif
#include <gtest/gtest.h>
#include <langinfo.h>
#include <locale.h>

#include <cerrno>
#include <string>
#include <vector>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

struct Item {
  const char* name;
  bool defined;
  nl_item item;
};

#define LIBCDIFF_ITEM(name) \
  { #name, true, name }
#define LIBCDIFF_NO_ITEM(name) \
  { #name, false, 0 }

// clang-format off
const std::vector<Item>& items() {
  static const std::vector<Item> list = {
    LIBCDIFF_ITEM(CODESET), LIBCDIFF_ITEM(D_T_FMT), LIBCDIFF_ITEM(D_FMT), LIBCDIFF_ITEM(T_FMT),
    LIBCDIFF_ITEM(T_FMT_AMPM), LIBCDIFF_ITEM(AM_STR), LIBCDIFF_ITEM(PM_STR),
    LIBCDIFF_ITEM(DAY_1), LIBCDIFF_ITEM(DAY_2), LIBCDIFF_ITEM(DAY_3), LIBCDIFF_ITEM(DAY_4),
    LIBCDIFF_ITEM(DAY_5), LIBCDIFF_ITEM(DAY_6), LIBCDIFF_ITEM(DAY_7),
    LIBCDIFF_ITEM(ABDAY_1), LIBCDIFF_ITEM(ABDAY_2), LIBCDIFF_ITEM(ABDAY_3), LIBCDIFF_ITEM(ABDAY_4),
    LIBCDIFF_ITEM(ABDAY_5), LIBCDIFF_ITEM(ABDAY_6), LIBCDIFF_ITEM(ABDAY_7),
    LIBCDIFF_ITEM(MON_1), LIBCDIFF_ITEM(MON_2), LIBCDIFF_ITEM(MON_3), LIBCDIFF_ITEM(MON_4),
    LIBCDIFF_ITEM(MON_5), LIBCDIFF_ITEM(MON_6), LIBCDIFF_ITEM(MON_7), LIBCDIFF_ITEM(MON_8),
    LIBCDIFF_ITEM(MON_9), LIBCDIFF_ITEM(MON_10), LIBCDIFF_ITEM(MON_11), LIBCDIFF_ITEM(MON_12),
    LIBCDIFF_ITEM(ABMON_1), LIBCDIFF_ITEM(ABMON_2), LIBCDIFF_ITEM(ABMON_3), LIBCDIFF_ITEM(ABMON_4),
    LIBCDIFF_ITEM(ABMON_5), LIBCDIFF_ITEM(ABMON_6), LIBCDIFF_ITEM(ABMON_7), LIBCDIFF_ITEM(ABMON_8),
    LIBCDIFF_ITEM(ABMON_9), LIBCDIFF_ITEM(ABMON_10), LIBCDIFF_ITEM(ABMON_11), LIBCDIFF_ITEM(ABMON_12),
    LIBCDIFF_ITEM(ERA), LIBCDIFF_ITEM(ERA_D_FMT), LIBCDIFF_ITEM(ALT_DIGITS), LIBCDIFF_ITEM(ERA_D_T_FMT),
    LIBCDIFF_ITEM(ERA_T_FMT), LIBCDIFF_ITEM(RADIXCHAR), LIBCDIFF_ITEM(THOUSEP), LIBCDIFF_ITEM(YESEXPR),
    LIBCDIFF_ITEM(NOEXPR), LIBCDIFF_ITEM(CRNCYSTR),
#ifdef YESSTR
    LIBCDIFF_ITEM(YESSTR),
#else
    LIBCDIFF_NO_ITEM(YESSTR),
#endif
#ifdef NOSTR
    LIBCDIFF_ITEM(NOSTR),
#else
    LIBCDIFF_NO_ITEM(NOSTR),
#endif
#ifdef ALTMON_1
    LIBCDIFF_ITEM(ALTMON_1), LIBCDIFF_ITEM(ALTMON_2), LIBCDIFF_ITEM(ALTMON_3), LIBCDIFF_ITEM(ALTMON_4),
    LIBCDIFF_ITEM(ALTMON_5), LIBCDIFF_ITEM(ALTMON_6), LIBCDIFF_ITEM(ALTMON_7), LIBCDIFF_ITEM(ALTMON_8),
    LIBCDIFF_ITEM(ALTMON_9), LIBCDIFF_ITEM(ALTMON_10), LIBCDIFF_ITEM(ALTMON_11), LIBCDIFF_ITEM(ALTMON_12),
#else
    LIBCDIFF_NO_ITEM(ALTMON_1), LIBCDIFF_NO_ITEM(ALTMON_2), LIBCDIFF_NO_ITEM(ALTMON_3),
    LIBCDIFF_NO_ITEM(ALTMON_4), LIBCDIFF_NO_ITEM(ALTMON_5), LIBCDIFF_NO_ITEM(ALTMON_6),
    LIBCDIFF_NO_ITEM(ALTMON_7), LIBCDIFF_NO_ITEM(ALTMON_8), LIBCDIFF_NO_ITEM(ALTMON_9),
    LIBCDIFF_NO_ITEM(ALTMON_10), LIBCDIFF_NO_ITEM(ALTMON_11), LIBCDIFF_NO_ITEM(ALTMON_12),
#endif
#ifdef ERA_YEAR
    LIBCDIFF_ITEM(ERA_YEAR),
#else
    LIBCDIFF_NO_ITEM(ERA_YEAR),
#endif
#ifdef _DATE_FMT
    LIBCDIFF_ITEM(_DATE_FMT),
#else
    LIBCDIFF_NO_ITEM(_DATE_FMT),
#endif
    // glibc's LC_MONETARY and LC_NUMERIC items (the localeconv fields as items; the one-byte numeric
    // ones come back as a one-character string holding the number).
#ifdef INT_CURR_SYMBOL
    LIBCDIFF_ITEM(INT_CURR_SYMBOL), LIBCDIFF_ITEM(CURRENCY_SYMBOL), LIBCDIFF_ITEM(MON_DECIMAL_POINT),
    LIBCDIFF_ITEM(MON_THOUSANDS_SEP), LIBCDIFF_ITEM(MON_GROUPING), LIBCDIFF_ITEM(POSITIVE_SIGN),
    LIBCDIFF_ITEM(NEGATIVE_SIGN), LIBCDIFF_ITEM(INT_FRAC_DIGITS), LIBCDIFF_ITEM(FRAC_DIGITS),
    LIBCDIFF_ITEM(P_CS_PRECEDES), LIBCDIFF_ITEM(P_SEP_BY_SPACE), LIBCDIFF_ITEM(N_CS_PRECEDES),
    LIBCDIFF_ITEM(N_SEP_BY_SPACE), LIBCDIFF_ITEM(P_SIGN_POSN), LIBCDIFF_ITEM(N_SIGN_POSN),
    LIBCDIFF_ITEM(INT_P_CS_PRECEDES), LIBCDIFF_ITEM(INT_P_SEP_BY_SPACE), LIBCDIFF_ITEM(INT_N_CS_PRECEDES),
    LIBCDIFF_ITEM(INT_N_SEP_BY_SPACE), LIBCDIFF_ITEM(INT_P_SIGN_POSN), LIBCDIFF_ITEM(INT_N_SIGN_POSN),
#else
    LIBCDIFF_NO_ITEM(INT_CURR_SYMBOL), LIBCDIFF_NO_ITEM(CURRENCY_SYMBOL), LIBCDIFF_NO_ITEM(MON_DECIMAL_POINT),
    LIBCDIFF_NO_ITEM(MON_THOUSANDS_SEP), LIBCDIFF_NO_ITEM(MON_GROUPING), LIBCDIFF_NO_ITEM(POSITIVE_SIGN),
    LIBCDIFF_NO_ITEM(NEGATIVE_SIGN), LIBCDIFF_NO_ITEM(INT_FRAC_DIGITS), LIBCDIFF_NO_ITEM(FRAC_DIGITS),
    LIBCDIFF_NO_ITEM(P_CS_PRECEDES), LIBCDIFF_NO_ITEM(P_SEP_BY_SPACE), LIBCDIFF_NO_ITEM(N_CS_PRECEDES),
    LIBCDIFF_NO_ITEM(N_SEP_BY_SPACE), LIBCDIFF_NO_ITEM(P_SIGN_POSN), LIBCDIFF_NO_ITEM(N_SIGN_POSN),
    LIBCDIFF_NO_ITEM(INT_P_CS_PRECEDES), LIBCDIFF_NO_ITEM(INT_P_SEP_BY_SPACE),
    LIBCDIFF_NO_ITEM(INT_N_CS_PRECEDES), LIBCDIFF_NO_ITEM(INT_N_SEP_BY_SPACE),
    LIBCDIFF_NO_ITEM(INT_P_SIGN_POSN), LIBCDIFF_NO_ITEM(INT_N_SIGN_POSN),
#endif
#ifdef DECIMAL_POINT
    LIBCDIFF_ITEM(DECIMAL_POINT), LIBCDIFF_ITEM(THOUSANDS_SEP), LIBCDIFF_ITEM(GROUPING),
#else
    LIBCDIFF_NO_ITEM(DECIMAL_POINT), LIBCDIFF_NO_ITEM(THOUSANDS_SEP), LIBCDIFF_NO_ITEM(GROUPING),
#endif
#ifdef NL_LOCALE_NAME
    {"NL_LOCALE_NAME(LC_CTYPE)", true, NL_LOCALE_NAME(LC_CTYPE)},
    {"NL_LOCALE_NAME(LC_NUMERIC)", true, NL_LOCALE_NAME(LC_NUMERIC)},
    {"NL_LOCALE_NAME(LC_TIME)", true, NL_LOCALE_NAME(LC_TIME)},
    {"NL_LOCALE_NAME(LC_COLLATE)", true, NL_LOCALE_NAME(LC_COLLATE)},
    {"NL_LOCALE_NAME(LC_MONETARY)", true, NL_LOCALE_NAME(LC_MONETARY)},
    {"NL_LOCALE_NAME(LC_MESSAGES)", true, NL_LOCALE_NAME(LC_MESSAGES)},
#else
    LIBCDIFF_NO_ITEM(NL_LOCALE_NAME(LC_CTYPE)), LIBCDIFF_NO_ITEM(NL_LOCALE_NAME(LC_NUMERIC)),
    LIBCDIFF_NO_ITEM(NL_LOCALE_NAME(LC_TIME)), LIBCDIFF_NO_ITEM(NL_LOCALE_NAME(LC_COLLATE)),
    LIBCDIFF_NO_ITEM(NL_LOCALE_NAME(LC_MONETARY)), LIBCDIFF_NO_ITEM(NL_LOCALE_NAME(LC_MESSAGES)),
#endif
  };
  return list;
}
// clang-format on

constexpr const char* kLocales[] = {"C",           "POSIX",       "C.UTF-8",    "de_DE.UTF-8",
                                    "en_US.UTF-8", "fr_FR.UTF-8", "tr_TR.UTF-8"};

TEST_F(Locale, SweepNlLanginfo) {
  SweepTable table;
  for (const char* name : kLocales) {
    const std::string family = std::string("nl_langinfo ") + name + " ";
    errno = 0;
    locale_t loc = newlocale(LC_ALL_MASK, name, static_cast<locale_t>(0));
    const std::string failure =
        loc == static_cast<locale_t>(0) ? "newlocale failed " + errno_name(errno) : "";
    for (const Item& item : items()) {
      if (!item.defined)
        table.set(family + item.name, "undefined in <langinfo.h>");
      else if (!failure.empty())
        table.set(family + item.name, failure);
      else
        table.set(family + item.name, nl_langinfo_l(item.item, loc));
    }
    if (loc != static_cast<locale_t>(0)) freelocale(loc);
  }
  locale_t c = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(0));
  ASSERT_NE(c, static_cast<locale_t>(0));
  EXPECT_STREQ(nl_langinfo_l(RADIXCHAR, c), ".");
  freelocale(c);
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
