#include "usertest/tap_reader.hpp"

#include <gtest/gtest.h>

namespace libcdiff::usertest {
namespace {

TEST(TapReader, ReadsPointsDirectivesAndTheirOutput) {
  const auto r = parse_tap(
      "TAP version 13\n1..5\nok 1 - parses numbers\nnot ok 2 - formats dates\n# got: 1970\n# want: 1971\n"
      "ok 3 - wide chars # SKIP no UTF-8 locale\nnot ok 4 - known bug # TODO fix later\nok 5 # todo works "
      "now\n");
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].name, "parses numbers");
  EXPECT_EQ(r[0].outcome, TestOutcome::pass);
  EXPECT_EQ(r[1].outcome, TestOutcome::fail);
  EXPECT_NE(r[1].log.find("# want: 1971"), std::string::npos) << "diagnostics after a point are its log";
  EXPECT_EQ(r[2].outcome, TestOutcome::skip);
  EXPECT_EQ(r[2].detail, "no UTF-8 locale");
  EXPECT_EQ(r[3].outcome, TestOutcome::xfail);
  EXPECT_EQ(r[4].name, "#5") << "a point without a description is named by its number";
  EXPECT_EQ(r[4].outcome, TestOutcome::xpass);
}

TEST(TapReader, AShortRunIsAnErrorNotAPass) {
  auto r = parse_tap("1..3\nok 1 - a\nok 2 - b\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[2].name, "(plan)");
  EXPECT_EQ(r[2].outcome, TestOutcome::error);
  EXPECT_EQ(r[2].detail, "planned 3 tests, 2 reported");

  r = parse_tap("ok 1 - a\nBail out! database gone\n", "suite: ");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].name, "suite: (bail out)");
  EXPECT_EQ(r[1].detail, "database gone");

  r = parse_tap("ok 1 - a\n");  // no plan at all: cut short, or never planned; either way not "all passed"
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].outcome, TestOutcome::error);
}

TEST(TapReader, RepeatedDescriptionsStayApartAndSkipAllIsOneSkip) {
  const auto r = parse_tap("1..2\nok 1 - same\nnot ok 2 - same\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].name, "same #2");
  const auto all = parse_tap("1..0 # SKIP no network\n");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].outcome, TestOutcome::skip);
  EXPECT_EQ(all[0].detail, "no network");
  EXPECT_FALSE(looks_like_tap("compiling...\nall good\n"));
  EXPECT_TRUE(looks_like_tap("noise\nok 1 - x\n"));
}

}  // namespace
}  // namespace libcdiff::usertest
