// Character classification, case mapping and the UTF-8 decoder.
// References: musl src/ctype/towctrans.c (locale-independent case mapping), musl wiki
// "Functional differences from glibc: UTF-8 definition", musl src/multibyte/mbrtowc.c,
// musl commit "make the C locale byte-based" (1.1.11), glibc localedata/locales/tr_TR.
#include <gtest/gtest.h>

#include <cctype>
#include <cerrno>
#include <clocale>
#include <cwchar>
#include <cwctype>
#include <string>

#include "common/locale_guard.hpp"
#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

using Locale = LocaleCase;

TEST_F(Locale, TurkishCaseMapping) {
  LIBCDIFF_REQUIRE_LOCALE("tr_TR.UTF-8");
  observe("towupper_i", codepoint(std::towupper(L'i')));
  observe("towlower_I", codepoint(std::towlower(L'I')));
  observe("toupper_i", std::string(1, static_cast<char>(std::toupper('i'))));
  // Locale-independent part both must agree on: U+0130 lowercases to 'i'.
  EXPECT_EQ(std::towlower(0x130), static_cast<wint_t>(L'i')) << "towlower(U+0130): want U+0069";
}

std::string decode(const char* bytes, size_t length) {
  std::mbstate_t state{};
  wchar_t wc = 0;
  errno = 0;
  const size_t n = std::mbrtowc(&wc, bytes, length, &state);
  if (n == static_cast<size_t>(-1)) return "-1 " + errno_name(errno);
  if (n == static_cast<size_t>(-2)) return "-2 incomplete";
  return std::to_string(n) + " " + codepoint(static_cast<wint_t>(wc));
}

TEST_F(Locale, Utf8DecoderStrictness) {
  LIBCDIFF_REQUIRE_LOCALE("C.UTF-8");
  observe("five_byte_form_f8_88_80_80_80", decode("\xf8\x88\x80\x80\x80", 5));
  observe("above_max_f4_90_80_80", decode("\xf4\x90\x80\x80", 4));
  observe("surrogate_ed_a0_80", decode("\xed\xa0\x80", 3));
  observe("overlong_c0_af", decode("\xc0\xaf", 2));
  const std::string valid = decode("\xe2\x82\xac", 3);
  EXPECT_EQ(valid, "3 U+20AC") << "mbrtowc(E2 82 AC): got " << valid << ", want 3 U+20AC";
}

// POSIX.1-2024 requires a single-byte C locale in which every byte is a character.
TEST_F(Locale, CLocaleHighBytes) {
  observe("mb_cur_max", static_cast<long long>(MB_CUR_MAX));
  observe("mbrtowc_80", decode("\x80", 1));
  observe("mbrtowc_ff", decode("\xff", 1));
  observe("btowc_e9", codepoint(std::btowc(0xe9)));
  const std::string ascii = decode("A", 1);
  EXPECT_EQ(ascii, "1 U+0041") << "mbrtowc('A') in C: got " << ascii;
}

TEST_F(Locale, WcwidthSamples) {
  LIBCDIFF_REQUIRE_LOCALE("C.UTF-8");
  const wchar_t samples[] = {0xE9, 0x301, 0x4E00, 0x200B, 0xAD, 0x1F600, 0x1F1E6, 0xFF21, 0x1160, 0x3000};
  for (wchar_t c : samples)
    observe("wcwidth_" + codepoint(static_cast<wint_t>(c)), static_cast<long long>(wcwidth(c)));
  EXPECT_EQ(wcwidth(L'A'), 1);
  EXPECT_EQ(wcwidth(0), 0);
}

TEST_F(Locale, WideClassification) {
  LIBCDIFF_REQUIRE_LOCALE("C.UTF-8");
  observe("iswalpha_U+00E9", static_cast<long long>(std::iswalpha(0xE9) != 0));
  observe("iswalpha_U+4E00", static_cast<long long>(std::iswalpha(0x4E00) != 0));
  observe("iswspace_U+00A0", static_cast<long long>(std::iswspace(0xA0) != 0));
  observe("iswspace_U+2003", static_cast<long long>(std::iswspace(0x2003) != 0));
  observe("iswpunct_U+00BF", static_cast<long long>(std::iswpunct(0xBF) != 0));
  observe("iswdigit_U+0660", static_cast<long long>(std::iswdigit(0x660) != 0));
  observe("towupper_U+00DF", codepoint(std::towupper(0xDF)));
  observe("towupper_U+01C6", codepoint(std::towupper(0x1C6)));
  EXPECT_NE(std::iswalpha(L'z'), 0);
  EXPECT_EQ(std::iswdigit(L'7') != 0, true);
}

}  // namespace
}  // namespace libcdiff::suite
