#include "common/fuzz_key.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

TEST(FuzzKey, InputsWithSpacesAndEmptyInputsRoundTrip) {
  for (const std::string& text :
       std::vector<std::string>{"", " ", "a b", "  x  ", "\\1", "\t\n", std::string("\0z", 2), "\xff\xfe"}) {
    ASSERT_TRUE(fuzz_representable(text));
    const std::string key = fuzz_key("regex", "ERE|ICASE", text);
    const auto parts = split_fuzz_key(key);
    ASSERT_TRUE(parts) << key;
    EXPECT_EQ(parts->family, "regex");
    EXPECT_EQ(parts->variant, "ERE|ICASE");
    EXPECT_EQ(parts->text, text);
  }
  const auto plain = split_fuzz_key(fuzz_key("strtod", "", "1e5"));
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->variant, "");
  EXPECT_EQ(plain->text, "1e5");
}

TEST(FuzzKey, TheInputIsTheLastItemSoTablesGroupByFamilyAndVariant) {
  EXPECT_EQ(fuzz_key("getopt", "ab:", "-a b"),
            "getopt ab: -a\xE2\x90\xA0"
            "b");
  EXPECT_EQ(fuzz_key("strtol", "base0", ""), "strtol base0 \xE2\x88\x85");
  EXPECT_FALSE(fuzz_representable("\xE2\x90\xA0"));
  EXPECT_FALSE(fuzz_representable("\xE2\x88\x85"));
}

TEST(FuzzKey, UnescapeUndoesTheTableEscape) {
  for (const std::string& bytes :
       std::vector<std::string>{"plain", "tab\there", "new\nline", "back\\slash",
                                std::string("\x01\x7f\x80", 3), "ok \xC3\xA9", "\xE2\x90\xA0"}) {
    const auto back = unescape_sweep_field(escape_sweep_field(bytes));
    ASSERT_TRUE(back) << escape_sweep_field(bytes);
    EXPECT_EQ(*back, bytes);
  }
  EXPECT_FALSE(unescape_sweep_field("\\"));
  EXPECT_FALSE(unescape_sweep_field("\\q"));
  EXPECT_FALSE(unescape_sweep_field("\\x4"));
  EXPECT_FALSE(unescape_sweep_field("\\xzz"));
}

TEST(FuzzKey, InputLinesCarryAnyBytes) {
  const std::string text("a\tb\n\0\xff", 6);
  const std::string line = fuzz_input_line("base16", text);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const auto parts = parse_fuzz_input_line("strtol", line);
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->family, "strtol");
  EXPECT_EQ(parts->variant, "base16");
  EXPECT_EQ(parts->text, text);
  EXPECT_FALSE(parse_fuzz_input_line("x", "no tab"));
  EXPECT_FALSE(parse_fuzz_input_line("x", "v\tabc"));   // odd number of digits
  EXPECT_FALSE(parse_fuzz_input_line("x", "v\tzz"));    // not hex
  EXPECT_FALSE(parse_fuzz_input_line("x", "a b\t00"));  // a variant never has a space
}

}  // namespace
}  // namespace libcdiff::suite
