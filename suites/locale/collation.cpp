// Collation: musl implements no LC_COLLATE, so strcoll is strcmp and strxfrm a copy in every locale.
// References: musl src/locale/strcoll.c, musl wiki "Open issues: Locale limitations",
// docker-library/postgres#327 and #851 (ORDER BY and text indexes differ on Alpine).
#include <gtest/gtest.h>

#include <clocale>
#include <cstring>
#include <string>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

TEST_F(Locale, StrcollCodepointOrder) {
  LIBCDIFF_REQUIRE_LOCALE("en_US.UTF-8");
  observe("strcoll_a_B", sign_of(std::strcoll("a", "B")));
  observe("strcoll_a_A", sign_of(std::strcoll("a", "A")));
  observe("strcoll_resume_accented_resumes", sign_of(std::strcoll("r\xc3\xa9sum\xc3\xa9", "resumes")));
  EXPECT_EQ(std::strcoll("same", "same"), 0) << "strcoll of equal strings: want 0";
}

std::string transformed(const char* s) {
  const size_t n = std::strxfrm(nullptr, s, 0);
  std::string out(n + 1, '\0');
  std::strxfrm(out.data(), s, n + 1);
  out.resize(n);
  return out;
}

TEST_F(Locale, StrxfrmTransform) {
  LIBCDIFF_REQUIRE_LOCALE("en_US.UTF-8");
  observe("strxfrm_abc_length", static_cast<long long>(std::strxfrm(nullptr, "abc", 0)));
  // C contract: strcmp of transformed strings orders like strcoll of the originals.
  const char* pairs[][2] = {{"a", "B"}, {"abc", "abd"}, {"r\xc3\xa9sum\xc3\xa9", "resumes"}};
  for (const auto& pair : pairs) {
    const int by_strcoll = std::strcoll(pair[0], pair[1]);
    const int by_strxfrm = std::strcmp(transformed(pair[0]).c_str(), transformed(pair[1]).c_str());
    EXPECT_EQ(sign_of(by_strcoll), sign_of(by_strxfrm))
        << "strxfrm order of '" << pair[0] << "' vs '" << pair[1] << "': got " << sign_of(by_strxfrm)
        << ", want strcoll's " << sign_of(by_strcoll);
  }
}

}  // namespace
}  // namespace libcdiff::suite
