#include "usertest/junit_reader.hpp"

#include <gtest/gtest.h>

#include "util/error.hpp"

namespace libcdiff::usertest {
namespace {

TEST(JunitReader, ReadsOutcomesTimesAndOutput) {
  const auto r = parse_junit(R"(<?xml version="1.0"?>
<testsuites><testsuite name="s">
  <testcase name="ok" classname="ok" time="0.5" status="run"><system-out>hello</system-out></testcase>
  <testcase name="bad" classname="bad" status="fail"><failure message="Failed"/><system-out>want 1 got 2</system-out></testcase>
  <testcase name="seg" classname="seg" status="fail"><failure message="SEGFAULT"/></testcase>
  <testcase name="slow" classname="slow" status="fail"><failure message="Timeout"/></testcase>
  <testcase name="off" classname="off" status="notrun"><skipped message="Disabled"/></testcase>
  <testcase name="t1" classname="suite.x"><error message="setup broke"/></testcase>
</testsuite></testsuites>)",
                             "ctest-junit", "x.xml");
  ASSERT_EQ(r.size(), 6u);
  EXPECT_EQ(r[0].outcome, TestOutcome::pass);
  EXPECT_DOUBLE_EQ(r[0].seconds, 0.5);
  EXPECT_EQ(r[0].log, "hello");
  EXPECT_EQ(r[1].outcome, TestOutcome::fail);
  EXPECT_EQ(r[2].outcome, TestOutcome::crash);
  EXPECT_EQ(r[3].outcome, TestOutcome::timeout);
  EXPECT_EQ(r[4].outcome, TestOutcome::skip);
  EXPECT_EQ(r[4].detail, "Disabled");
  EXPECT_EQ(r[5].name, "suite.x.t1");
  EXPECT_EQ(r[5].outcome, TestOutcome::error);
}

TEST(JunitReader, RejectsWhatIsNotJunit) {
  EXPECT_THROW(parse_junit("<testsuites><testcase", "junit", "a.xml"), Fatal);
  try {
    parse_junit("<html/>", "junit", "a.xml");
    FAIL();
  } catch (const Fatal& e) {
    EXPECT_NE(e.line().find("a.xml: is XML but not JUnit (its root is <html>)"), std::string::npos)
        << e.line();
  }
}

}  // namespace
}  // namespace libcdiff::usertest
