#include "util/version_range.hpp"

#include <gtest/gtest.h>

namespace libcdiff::util {
namespace {

TEST(VersionRange, ComparesNumericallyNotLexically) {
  EXPECT_LT(compare_versions("1.2.9", "1.2.10"), 0);
  EXPECT_EQ(compare_versions("1.2", "1.2.0"), 0);
  EXPECT_GT(compare_versions("2.36", "2.4"), 0);
}

TEST(VersionRange, DebianSuffixIsIgnored) {
  EXPECT_EQ(compare_versions("1.2.5-3.1~deb13u1", "1.2.5"), 0);
}

TEST(VersionRange, StarAndEmptyMatchEverything) {
  EXPECT_TRUE(VersionRange::parse("*").contains("0.9"));
  EXPECT_TRUE(VersionRange::parse("").contains("99"));
}

TEST(VersionRange, BoundsCombine) {
  const auto r = VersionRange::parse(">=1.1.11,<1.2.4");
  EXPECT_TRUE(r.contains("1.1.11"));
  EXPECT_TRUE(r.contains("1.2.3"));
  EXPECT_FALSE(r.contains("1.2.4"));
  EXPECT_FALSE(r.contains("1.1.10"));
}

TEST(VersionRange, BareVersionMeansExactly) {
  const auto r = VersionRange::parse("1.2.5");
  EXPECT_TRUE(r.contains("1.2.5"));
  EXPECT_FALSE(r.contains("1.2.4"));
}

TEST(VersionRange, MalformedRangeIsRejectedWithTheText) {
  try {
    VersionRange::parse(">=one");
    FAIL() << "expected invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find(">=one"), std::string::npos);
  }
}

TEST(VersionRange, HugeComponentsSaturateInsteadOfOverflowing) {
  // Found by fuzzing cases.toml under UBSan: 8888888888888888888 * 10 overflowed a long.
  EXPECT_GT(compare_versions("88888888888888888888888.1", "1.2.5"), 0);
  EXPECT_EQ(compare_versions("99999999999999999999999", "99999999999999999999999"), 0);
}

}  // namespace
}  // namespace libcdiff::util
