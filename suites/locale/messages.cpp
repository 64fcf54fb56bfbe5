// LC_MESSAGES: libc's own messages (strerror) are translated on glibc when its catalogs are installed;
// musl's strerror is English unless a .mo catalog sits under MUSL_LOCPATH.
// References: musl src/errno/strerror.c (LCTRANS), glibc manual "Error Messages", Debian package locales.
#include <gtest/gtest.h>

#include <cerrno>
#include <clocale>
#include <cstring>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

TEST_F(Locale, GermanStrerror) {
  LIBCDIFF_REQUIRE_LOCALE("de_DE.UTF-8");
  observe("strerror_ENOENT", std::strerror(ENOENT));
  observe("strerror_EACCES", std::strerror(EACCES));
  std::setlocale(LC_ALL, "C");
  const std::string c_text = std::strerror(ENOENT);
  observe("strerror_ENOENT_in_C", c_text);
  EXPECT_FALSE(c_text.empty());
}

}  // namespace
}  // namespace libcdiff::suite
