// Sweep: every field of struct lconv, per locale.
// Domain: the 24 members of struct lconv that C (7.11) and POSIX <locale.h> define, x the locales
// "C", "POSIX", "C.UTF-8" and the glibc locales scripts/setup.sh installs (de_DE, en_US, fr_FR,
// tr_TR .UTF-8), each selected with setlocale(LC_ALL, name). Key "localeconv <locale> <field>"; string
// members are recorded as they are, grouping strings as their bytes in decimal ("3;3", "" when empty),
// char members as a number (CHAR_MAX means "not available"). A locale setlocale refuses is recorded
// as "setlocale failed" for every field.
#include <gtest/gtest.h>

#include <climits>
#include <clocale>
#include <string>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

std::string grouping(const char* g) {
  if (g == nullptr) return "NULL";
  std::string out;
  for (const char* p = g; *p != '\0'; ++p) {
    if (!out.empty()) out += ';';
    out += std::to_string(static_cast<int>(static_cast<unsigned char>(*p)));
  }
  return out;
}

std::string number(char c) {
  return std::to_string(static_cast<int>(c));
}

constexpr const char* kLocales[] = {"C",           "POSIX",       "C.UTF-8",    "de_DE.UTF-8",
                                    "en_US.UTF-8", "fr_FR.UTF-8", "tr_TR.UTF-8"};

constexpr const char* kFields[] = {
    "decimal_point",     "thousands_sep",      "grouping",        "int_curr_symbol",   "currency_symbol",
    "mon_decimal_point", "mon_thousands_sep",  "mon_grouping",    "positive_sign",     "negative_sign",
    "int_frac_digits",   "frac_digits",        "p_cs_precedes",   "p_sep_by_space",    "n_cs_precedes",
    "n_sep_by_space",    "p_sign_posn",        "n_sign_posn",     "int_p_cs_precedes", "int_p_sep_by_space",
    "int_n_cs_precedes", "int_n_sep_by_space", "int_p_sign_posn", "int_n_sign_posn",
};

TEST_F(Locale, SweepLocaleconv) {
  SweepTable table;
  for (const char* name : kLocales) {
    const std::string family = std::string("localeconv ") + name + " ";
    if (std::setlocale(LC_ALL, name) == nullptr) {
      for (const char* field : kFields) table.set(family + field, "setlocale failed");
      continue;
    }
    const std::lconv* l = std::localeconv();
    ASSERT_NE(l, nullptr);
    auto put = [&](const char* field, const std::string& value) { table.set(family + field, value); };
    put("decimal_point", l->decimal_point);
    put("thousands_sep", l->thousands_sep);
    put("grouping", grouping(l->grouping));
    put("int_curr_symbol", l->int_curr_symbol);
    put("currency_symbol", l->currency_symbol);
    put("mon_decimal_point", l->mon_decimal_point);
    put("mon_thousands_sep", l->mon_thousands_sep);
    put("mon_grouping", grouping(l->mon_grouping));
    put("positive_sign", l->positive_sign);
    put("negative_sign", l->negative_sign);
    put("int_frac_digits", number(l->int_frac_digits));
    put("frac_digits", number(l->frac_digits));
    put("p_cs_precedes", number(l->p_cs_precedes));
    put("p_sep_by_space", number(l->p_sep_by_space));
    put("n_cs_precedes", number(l->n_cs_precedes));
    put("n_sep_by_space", number(l->n_sep_by_space));
    put("p_sign_posn", number(l->p_sign_posn));
    put("n_sign_posn", number(l->n_sign_posn));
    put("int_p_cs_precedes", number(l->int_p_cs_precedes));
    put("int_p_sep_by_space", number(l->int_p_sep_by_space));
    put("int_n_cs_precedes", number(l->int_n_cs_precedes));
    put("int_n_sep_by_space", number(l->int_n_sep_by_space));
    put("int_p_sign_posn", number(l->int_p_sign_posn));
    put("int_n_sign_posn", number(l->int_n_sign_posn));
  }
  std::setlocale(LC_ALL, "C");
  EXPECT_STREQ(std::localeconv()->decimal_point, ".");
  EXPECT_EQ(table.size(), std::size(kLocales) * std::size(kFields));
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
