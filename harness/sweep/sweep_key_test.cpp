#include "sweep/sweep_key.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "common/sweep_table.hpp"

namespace libcdiff::sweep {
namespace {

TEST(SweepKey, SplitsAtTheLastSpace) {
  const KeyParts k = split_key("wcwidth C.UTF-8 U+1F900");
  EXPECT_EQ(k.prefix, "wcwidth C.UTF-8 ");
  EXPECT_EQ(k.family(), "wcwidth C.UTF-8");
  EXPECT_EQ(k.item, "U+1F900");
  ASSERT_TRUE(k.point);
  EXPECT_EQ(k.point->magnitude, 0x1F900u);

  const KeyParts bare = split_key("EAGAIN");
  EXPECT_EQ(bare.prefix, "");
  EXPECT_EQ(bare.item, "EAGAIN");
  EXPECT_FALSE(bare.point);
}

TEST(SweepKey, PointNotations) {
  EXPECT_EQ(parse_point("U+0041")->magnitude, 0x41u);
  EXPECT_EQ(parse_point("U+10FFFF")->magnitude, 0x10FFFFu);
  EXPECT_EQ(parse_point("0xff")->magnitude, 255u);
  EXPECT_EQ(parse_point("0XFFFFFFFFFFFFFFFF")->magnitude, 0xFFFFFFFFFFFFFFFFu);
  EXPECT_EQ(parse_point("42")->magnitude, 42u);
  EXPECT_TRUE(parse_point("-7")->negative);
  EXPECT_FALSE(parse_point("-0")->negative);
  EXPECT_EQ(parse_point("9999999999999999999")->magnitude, 9999999999999999999u);
  for (const char* name : {"", "U+", "0x", "-", "+5", "1e308", "U+12G", "0x1_0", "10000000000000000000",
                           "0x10000000000000000", "U+123456789", "u+41", "5 "})
    EXPECT_FALSE(parse_point(name)) << name;
}

TEST(SweepKey, PointsCompareByValueWithinAFamily) {
  EXPECT_LT(compare_keys("errno 2", "errno 10"), 0);
  EXPECT_LT(compare_keys("errno 10", "errno EAGAIN"), 0);  // points before names
  EXPECT_LT(compare_keys("wcwidth U+FFFF", "wcwidth U+10000"), 0);
  EXPECT_LT(compare_keys("x -10", "x -2"), 0);
  EXPECT_LT(compare_keys("x -1", "x 0"), 0);
  EXPECT_LT(compare_keys("x 0x10", "x 16"), 0);  // equal values: by text
  EXPECT_LT(compare_keys("x 16", "x U+10"), 0);
  EXPECT_EQ(compare_keys("x 16", "x 16"), 0);
}

TEST(SweepKey, FamiliesCompareAsBytesAndStayContiguous) {
  EXPECT_LT(compare_keys("a 5", "ab 1"), 0);
  EXPECT_LT(compare_keys("a 999", "a b 1"), 0);  // prefix "a " < "a b "
  EXPECT_LT(compare_keys("zzz", "a 1"), 0);      // no family sorts first
  EXPECT_NE(compare_keys("5", " 5"), 0);         // different keys never compare equal
  EXPECT_LT(compare_keys("a \xc3\xa9", "a \xff"), 0) << "unsigned bytes";
}

// The writer (suites/common) and the reader (harness) implement the same order twice, because the
// suites must not depend on the harness. They must never disagree: a table the writer sorted would be
// refused as unsorted. Random keys from the corners of the grammar, every pair compared both ways.
TEST(SweepKey, WriterAndReaderAgreeOnTheOrder) {
  const std::vector<std::string> families = {"", "a", "a b", "ab", "wcwidth", "wcwidth C.UTF-8", " ", "x\\t"};
  const std::vector<std::string> items = {"0",
                                          "-0",
                                          "00",
                                          "1",
                                          "-1",
                                          "10",
                                          "2",
                                          "0x0",
                                          "0x10",
                                          "0XFF",
                                          "U+0",
                                          "U+10",
                                          "U+FFFF",
                                          "U+10000",
                                          "16",
                                          "-16",
                                          "name",
                                          "Name",
                                          "",
                                          "U+",
                                          "0x",
                                          "-",
                                          "1e5",
                                          "\xc3\xa9",
                                          "9999999999999999999",
                                          "18446744073709551615"};
  std::vector<std::string> keys;
  for (const auto& f : families)
    for (const auto& i : items) {
      std::string key = f.empty() ? i : f + " " + i;
      if (!key.empty()) keys.push_back(key);
    }
  std::mt19937 random(12);
  for (int n = 0; n < 300; ++n) {  // and some random ones
    std::string key;
    const int length = static_cast<int>(random() % 8);
    for (int i = 0; i < length; ++i) key += " -0x1U+aF9z"[random() % 11];
    if (!key.empty()) keys.push_back(key);
  }
  for (const auto& a : keys)
    for (const auto& b : keys) {
      const int reader = compare_keys(a, b);
      const int writer = suite::sweep_key_compare(a, b);
      ASSERT_EQ(reader, writer) << "\"" << a << "\" vs \"" << b << "\"";
      ASSERT_EQ(reader == 0, a == b) << "\"" << a << "\" vs \"" << b << "\"";
      ASSERT_EQ(reader, -compare_keys(b, a)) << "\"" << a << "\" vs \"" << b << "\"";
    }
  // Transitivity, through a sort and a check of every neighbour.
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return compare_keys(a, b) < 0; });
  for (std::size_t i = 0; i + 1 < keys.size(); ++i)
    for (std::size_t j = i + 1; j < keys.size(); ++j) ASSERT_LT(compare_keys(keys[i], keys[j]), 0);
}

}  // namespace
}  // namespace libcdiff::sweep
