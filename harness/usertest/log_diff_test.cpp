#include "usertest/log_diff.hpp"

#include <gtest/gtest.h>

namespace libcdiff::usertest {
namespace {

TEST(LogDiff, PathsTimesAndAddressesDoNotMakeADifference) {
  LogNormaliser n;
  n.literals = {{"/r/work/musl/build", "<build>"}, {"/r/work/glibc/build", "<build>"}};
  EXPECT_FALSE(first_difference("run /r/work/musl/build/t1: 0.02 sec at 0x7ffd1234abcd\n",
                                "run /r/work/glibc/build/t1: 1.5 sec at 0x7ffe99990000\n", n));
  const auto d =
      first_difference("a\nb\ngot: Out of memory\nmore\n", "a\nb\ngot: Cannot allocate memory\n", n);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->first_line, 3u);
  EXPECT_EQ(d->side.size(), 2u);
  EXPECT_EQ(d->reference.size(), 1u);
  const auto text = side_by_side(*d, "musl", "glibc", 20);
  EXPECT_NE(text.find("first difference at line 3"), std::string::npos);
  EXPECT_NE(text.find("got: Out of memory | got: Cannot allocate memory"), std::string::npos) << text;
  EXPECT_NE(text.find("more               | (end of log)"), std::string::npos) << text;
  const auto narrow = side_by_side(*d, "musl", "glibc", 10);
  EXPECT_NE(narrow.find("got: Out ~ | got: Cannot allocate memory"), std::string::npos) << narrow;
}

TEST(LogDiff, BlankLinesCount) {
  LogNormaliser n;
  const auto d = first_difference("x\n\ny\n", "x\ny\n", n);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->first_line, 2u);
}

}  // namespace
}  // namespace libcdiff::usertest
