#include "usertest/trs_reader.hpp"

#include <gtest/gtest.h>

#include "testing/temp_dir.hpp"

namespace libcdiff::usertest {
namespace {

TEST(TrsReader, OneResultPerPlainTestWithTheSkipReasonFromTheLog) {
  auto r = parse_trs(
      "tests/test-setlocale", ":test-result: SKIP\n:global-test-result: SKIP\n:recheck: no\n",
      "Skipping test: no french locale is installed\nSKIP tests/test-setlocale (exit status: 77)\n");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].outcome, TestOutcome::skip);
  EXPECT_EQ(r[0].detail, "Skipping test: no french locale is installed");
  r = parse_trs("t", ":test-result: FAIL\n:global-test-result: FAIL\n", "boom\n");
  EXPECT_EQ(r[0].outcome, TestOutcome::fail);
  EXPECT_EQ(r[0].log, "boom\n");
  r = parse_trs("t", "", "");
  EXPECT_EQ(r[0].outcome, TestOutcome::error) << "an empty .trs is an interrupted test, not a pass";
}

TEST(TrsReader, ATapTestGivesOneResultPerPoint) {
  const auto r =
      parse_trs("tests/api.tap", ":test-result: PASS\n:test-result: FAIL\n:global-test-result: FAIL\n",
                "1..2\nok 1 - open\nnot ok 2 - close\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].name, "tests/api.tap: open");
  EXPECT_EQ(r[1].outcome, TestOutcome::fail);
  EXPECT_EQ(r[1].source, "automake-trs");
}

TEST(TrsReader, ReadsATreeSortedByPath) {
  testing::TempDir dir;
  testing::write_text(dir / "b/test-two.trs", ":test-result: XFAIL\n:global-test-result: XFAIL\n");
  testing::write_text(dir / "a/test-one.trs", ":test-result: PASS\n:global-test-result: PASS\n");
  testing::write_text(dir / "a/test-one.log", "fine\n");
  const auto r = read_trs_tree(dir.path());
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].name, "a/test-one");
  EXPECT_EQ(r[0].log, "fine\n");
  EXPECT_EQ(r[1].outcome, TestOutcome::xfail);
}

}  // namespace
}  // namespace libcdiff::usertest
