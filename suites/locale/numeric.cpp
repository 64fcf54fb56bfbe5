// LC_NUMERIC and LC_MONETARY: musl's localeconv() is always the POSIX one, in every locale.
// References: musl src/locale/localeconv.c, musl wiki "Open issues: Locale limitations".
#include <gtest/gtest.h>
#include <langinfo.h>
#include <monetary.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

TEST_F(Locale, GermanDecimalPoint) {
  LIBCDIFF_REQUIRE_LOCALE("de_DE.UTF-8");
  char formatted[64];
  std::snprintf(formatted, sizeof formatted, "%.2f", 1234.5);
  observe("printf_2f_1234.5", formatted);
  observe("localeconv_decimal_point", std::localeconv()->decimal_point);
  observe("nl_langinfo_RADIXCHAR", nl_langinfo(RADIXCHAR));
  const char* input = "1,5";
  char* end = nullptr;
  const double value = std::strtod(input, &end);
  // Spelled out rather than printed with %g, which would itself use the locale's radix.
  const char* parsed = value == 1.5 ? "1.5" : value == 1.0 ? "1" : "other";
  observe("strtod_1,5", std::string(parsed) + " consumed " + std::to_string(end - input));
  // POSIX: printf uses the radix character localeconv() reports.
  EXPECT_NE(std::string(formatted).find(std::localeconv()->decimal_point), std::string::npos)
      << "printf %.2f gave '" << formatted << "', want localeconv's radix '"
      << std::localeconv()->decimal_point << "'";
}

TEST_F(Locale, GermanThousandsGrouping) {
  LIBCDIFF_REQUIRE_LOCALE("de_DE.UTF-8");
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%'d", 1234567);
  observe("printf_quote_d_1234567", buffer);
  const struct lconv* conv = std::localeconv();
  observe("localeconv_thousands_sep", conv->thousands_sep);
  std::string grouping;
  for (const char* g = conv->grouping; *g != '\0'; ++g)
    grouping += std::to_string(static_cast<int>(*g)) + ";";
  observe("localeconv_grouping", grouping.empty() ? "(empty)" : grouping);
}

TEST_F(Locale, GermanMonetaryStrfmon) {
  LIBCDIFF_REQUIRE_LOCALE("de_DE.UTF-8");
  char buffer[64];
  const ssize_t national = strfmon(buffer, sizeof buffer, "%n", 1234.5);
  observe("strfmon_n_1234.5", national < 0 ? "-1" : buffer);
  const ssize_t international = strfmon(buffer, sizeof buffer, "%i", 1234.5);
  observe("strfmon_i_1234.5", international < 0 ? "-1" : buffer);
  observe("localeconv_currency_symbol", std::localeconv()->currency_symbol);
  observe("localeconv_int_curr_symbol", std::localeconv()->int_curr_symbol);
}

}  // namespace
}  // namespace libcdiff::suite
