#include "util/text.hpp"

#include <gtest/gtest.h>

namespace libcdiff::util {
namespace {

TEST(Text, SplitDropsEmptyParts) {
  EXPECT_EQ(split("musl,,glibc,", ','), (std::vector<std::string>{"musl", "glibc"}));
  EXPECT_TRUE(split("", ',').empty());
}

TEST(Text, JoinIsTheInverseOfSplit) {
  EXPECT_EQ(join({"a", "b", "c"}, ", "), "a, b, c");
}

TEST(Text, ClosestMatchOnlySuggestsNearWords) {
  EXPECT_EQ(closest_match("locle", {"locale", "threads"}), "locale");
  EXPECT_EQ(closest_match("zzzzzz", {"locale", "threads"}), std::nullopt);
}

}  // namespace
}  // namespace libcdiff::util
