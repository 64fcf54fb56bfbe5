// Locale set-up for cases: switch the global locale for one case, restore "C" afterwards, and skip
// (with the reason and the fix) when this libc does not have the locale.
#pragma once

#include <gtest/gtest.h>

#include <string>

namespace libcdiff::suite {

// setlocale(LC_ALL, name) != NULL
bool set_global_locale(const char* name);
std::string missing_locale_reason(const char* name);

// Base fixture for locale-changing cases: every case starts and ends in the "C" locale with no
// LANG/LC_* variables, whatever the previous case did.
class LocaleCase : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
};

}  // namespace libcdiff::suite

#define LIBCDIFF_REQUIRE_LOCALE(name)                                 \
  do {                                                                \
    if (!::libcdiff::suite::set_global_locale(name))                  \
      GTEST_SKIP() << ::libcdiff::suite::missing_locale_reason(name); \
  } while (0)
