// iconv. References: musl wiki "Functional differences: iconv", musl src/locale/iconv.c
// (charmaps table; '*' substitution), glibc iconv/gconv_trans.c (//TRANSLIT), iconv/gconv_simple.c.
#include <gtest/gtest.h>
#include <iconv.h>

#include <cerrno>
#include <string>

#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

// "result text (return value)" or "-1 ERRNO after 'partial'"; "open failed ERRNO" when iconv_open fails.
std::string convert(const char* to, const char* from, const std::string& input) {
  errno = 0;
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return "iconv_open failed " + errno_name(errno);
  std::string in = input;
  char out[256] = {};
  char* in_ptr = in.data();
  size_t in_left = in.size();
  char* out_ptr = out;
  size_t out_left = sizeof out - 1;
  errno = 0;
  const size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  const int saved = errno;
  iconv_close(cd);
  const std::string produced(out, static_cast<size_t>(out_ptr - out));
  if (r == static_cast<size_t>(-1)) return "-1 " + errno_name(saved) + " after '" + printable(produced) + "'";
  return printable(produced) + " (" + std::to_string(r) + ")";
}

const std::string kCafe = "caf\xc3\xa9";

TEST(Iconv, TranslitSuffix) {
  observe("utf8_to_ascii_translit", convert("ASCII//TRANSLIT", "UTF-8", kCafe));
  EXPECT_EQ(convert("ASCII", "UTF-8", "plain"), "plain (0)");
}

TEST(Iconv, IgnoreSuffix) {
  observe("utf8_to_ascii_ignore", convert("ASCII//IGNORE", "UTF-8", kCafe));
  SUCCEED();
}

TEST(Iconv, UnrepresentableCharacter) {
  observe("cafe_utf8_to_ascii", convert("ASCII", "UTF-8", kCafe));
  observe("euro_utf8_to_latin1", convert("ISO-8859-1", "UTF-8", "\xe2\x82\xac"));
  EXPECT_EQ(convert("ISO-8859-1", "UTF-8", "abc"), "abc (0)");
}

TEST(Iconv, CharsetCoverage) {
  for (const char* name :
       {"UTF-7", "UNICODE", "MACINTOSH", "EBCDIC-US", "GBK", "BIG5", "EUC-KR", "CP1252", "KOI8-R", "UTF-32"})
    observe(std::string("to_") + name,
            convert(name, "UTF-8", "A").starts_with("iconv_open failed") ? "unsupported" : "supported");
  EXPECT_NE(convert("UTF-16LE", "UTF-8", "A").find("(0)"), std::string::npos);
}

// Negative control: Unicode round trips and Latin-1 are exact on both.
TEST(Iconv, UnicodeRoundTrips) {
  const std::string text = "h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80";
  observe("utf8_to_utf16le", convert("UTF-16LE", "UTF-8", text));
  observe("utf8_to_utf32be", convert("UTF-32BE", "UTF-8", text));
  observe("latin1_to_utf8", convert("UTF-8", "ISO-8859-1", "caf\xe9"));
  EXPECT_EQ(convert("UTF-8", "ISO-8859-1", "caf\xe9"), kCafe + " (0)");
}

TEST(Iconv, InvalidInputSequence) {
  observe("invalid_utf8_to_utf16", convert("UTF-16LE", "UTF-8",
                                           "a\xff"
                                           "b"));
  observe("truncated_utf8_to_utf16", convert("UTF-16LE", "UTF-8", "a\xe2\x82"));
  SUCCEED();
}

}  // namespace
}  // namespace libcdiff::suite
