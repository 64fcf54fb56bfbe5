// The readers against files real test harnesses wrote (harness/testing/data/usertest/, README.md
// there): json-c's CTest JUnit, m4's automake .trs/.log files, fribidi's Meson JUnit and libuv's TAP,
// googletest 1.12.1's samples' gtest JSON, each from a run on musl and on glibc with libcdiff's
// toolchains.
#include <gtest/gtest.h>

#include <algorithm>

#include "testing/temp_dir.hpp"
#include "usertest/junit_reader.hpp"
#include "usertest/project_run.hpp"
#include "usertest/tap_reader.hpp"
#include "usertest/trs_reader.hpp"
#include "util/file_text.hpp"

namespace libcdiff::usertest {
namespace {

const std::filesystem::path kData =
    std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "harness/testing/data/usertest";

const TestResult& named(const std::vector<TestResult>& results, const std::string& name) {
  const auto it = std::find_if(results.begin(), results.end(), [&](const auto& r) { return r.name == name; });
  if (it == results.end()) throw std::runtime_error("no result named " + name);
  return *it;
}

long count(const std::vector<TestResult>& results, TestOutcome outcome) {
  return std::count_if(results.begin(), results.end(), [&](const auto& r) { return r.outcome == outcome; });
}

TEST(RealFixtures, JsonCCtestJunit) {
  const auto ok = read_junit_file(kData / "json-c/musl/ctest-junit.xml", "ctest-junit");
  ASSERT_EQ(ok.size(), 23u);
  EXPECT_EQ(count(ok, TestOutcome::pass), 23);
  EXPECT_EQ(named(ok, "test_parse").source, "ctest-junit");
  // With valgrind present every test fails (valgrind 3.19 cannot read clang-16's DWARF 5).
  const auto vg = read_junit_file(kData / "json-c/musl/ctest-junit-valgrind-failures.xml", "ctest-junit");
  ASSERT_EQ(vg.size(), 23u);
  EXPECT_EQ(count(vg, TestOutcome::fail), 23);
  EXPECT_FALSE(named(vg, "test_parse").log.empty()) << "the failure's output is the test's log";
}

TEST(RealFixtures, M4AutomakeTrs) {
  const auto musl = read_trs_tree(kData / "m4/musl");
  const auto glibc = read_trs_tree(kData / "m4/glibc");
  ASSERT_EQ(musl.size(), glibc.size());
  EXPECT_EQ(named(musl, "test-posix_spawn_file_actions_addclose").outcome, TestOutcome::fail);
  EXPECT_EQ(named(glibc, "test-posix_spawn_file_actions_addclose").outcome, TestOutcome::pass);
  EXPECT_EQ(named(musl, "test-strtod1.sh").outcome, TestOutcome::skip);
  EXPECT_EQ(named(musl, "test-strtod1.sh").detail, "Skipping test: no locale for testing is installed");
  EXPECT_EQ(named(glibc, "test-strtod1.sh").outcome, TestOutcome::pass);
  EXPECT_EQ(named(musl, "uniwidth/test-uc_width2.sh").outcome,
            named(glibc, "uniwidth/test-uc_width2.sh").outcome);
}

TEST(RealFixtures, FribidiMesonJunit) {
  const auto r = read_junit_file(kData / "fribidi/musl/testlog.junit.xml", "meson-junit");
  ASSERT_EQ(r.size(), 8u);
  EXPECT_EQ(count(r, TestOutcome::pass), 8);
  EXPECT_EQ(named(r, "fribidi.BidiTest").log, "No errors found! :-)");
}

TEST(RealFixtures, LibuvTap) {
  const auto musl = parse_tap(util::read_text_if_present(kData / "libuv/musl/uv_run_tests.tap"));
  const auto glibc = parse_tap(util::read_text_if_present(kData / "libuv/glibc/uv_run_tests.tap"));
  ASSERT_EQ(musl.size(), 410u) << "no (plan) error: the plan is met";
  EXPECT_EQ(count(musl, TestOutcome::fail), 5);
  EXPECT_EQ(count(musl, TestOutcome::skip), 6);
  EXPECT_EQ(named(musl, "fs_chown").outcome, named(glibc, "fs_chown").outcome);
  EXPECT_NE(named(musl, "platform_output").log.find("# Output from process `platform_output`"),
            std::string::npos);
}

TEST(RealFixtures, GoogletestSamplesGtestJson) {
  testing::TempDir empty_build;
  BuildPlan plan;
  plan.build_dir = empty_build.path();
  plan.gtest_output_dir = kData / "googletest/musl";
  exec::ProcessResult step;
  step.termination = exec::Termination::exited;
  step.exit_code = 0;
  std::vector<std::string> sources;
  const auto r = collect_results(plan, step, "", sources);
  EXPECT_EQ(sources, std::vector<std::string>{"gtest-json"});
  EXPECT_EQ(named(r, "gtest:sample1_unittest:FactorialTest.Negative").outcome, TestOutcome::pass);
  // sample9 shows a custom listener on a test written to fail (the program still exits 0).
  const auto& fails = named(r, "gtest:sample9_unittest:CustomOutputTest.Fails");
  EXPECT_EQ(fails.outcome, TestOutcome::fail);
  EXPECT_FALSE(fails.detail.empty()) << "the failure message is kept";
  EXPECT_EQ(named(r, "(test command)").outcome, TestOutcome::pass);
}

}  // namespace
}  // namespace libcdiff::usertest
