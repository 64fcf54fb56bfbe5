#include "util/utf8.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace libcdiff::util {
namespace {

TEST(ValidUtf8, KeepsValidTextAsItIs) {
  const std::string text = "a\xC3\x9F\xE2\x82\xAC\xF0\x9F\x98\x80z";  // a ß € 😀 z
  EXPECT_EQ(valid_utf8(text), text);
  EXPECT_EQ(valid_utf8(""), "");
}

TEST(ValidUtf8, EscapesEachInvalidByteVisibly) {
  EXPECT_EQ(valid_utf8("\xFF"), "\\xFF");
  EXPECT_EQ(valid_utf8("a\x80"
                       "b"),
            "a\\x80b");                                               // stray continuation byte
  EXPECT_EQ(valid_utf8("\xC3"), "\\xC3");                             // truncated sequence
  EXPECT_EQ(valid_utf8("\xC0\xAF"), "\\xC0\\xAF");                    // overlong '/'
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), "\\xED\\xA0\\x80");           // UTF-16 surrogate
  EXPECT_EQ(valid_utf8("\xF4\x90\x80\x80"), "\\xF4\\x90\\x80\\x80");  // above U+10FFFF
}

TEST(ValidUtf8, DifferentInvalidInputsStayDifferent) {
  EXPECT_NE(valid_utf8("\xFE"), valid_utf8("\xFF"));
}

TEST(ValidUtf8, EveryByteStringBecomesSerialisableJson) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  nlohmann::json j = valid_utf8(all + all.substr(128) + "\xE2\x82");
  EXPECT_NO_THROW((void)j.dump());  // nlohmann throws type_error 316 on invalid UTF-8
}

TEST(BoundedText, KeepsShortTextAndMarksCutText) {
  EXPECT_EQ(bounded_text("abc", 3), "abc");
  EXPECT_EQ(bounded_text("abcdef", 4), "abcd… [truncated at 4 bytes of 6]");
}

TEST(BoundedText, NeverCutsACharacterInHalf) {
  // "aß" is 61 C3 9F: a limit of 2 would end inside ß, so only "a" is kept.
  EXPECT_EQ(bounded_text("a\xC3\x9F"
                         "b",
                         2),
            "a… [truncated at 1 bytes of 4]");
}

}  // namespace
}  // namespace libcdiff::util
