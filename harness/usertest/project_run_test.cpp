#include "usertest/project_run.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "exec/boost_process_runner.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::usertest {
namespace {

const TestResult* find(const std::vector<TestResult>& results, const std::string& name) {
  const auto it = std::find_if(results.begin(), results.end(), [&](const auto& r) { return r.name == name; });
  return it == results.end() ? nullptr : &*it;
}

ProjectRunInput custom(const testing::TempDir& dir, const std::string& build, const std::string& test) {
  testing::write_text(dir / "src/README", "a project\n");
  ProjectRunInput in;
  in.plan = make_build_plan({dir / "src", dir / "work", BuildKind::custom, build, test, 1, 5, ""});
  in.environment = std::map<std::string, std::string>{{"PATH", "/usr/bin:/bin"}};
  in.log_dir = dir / "logs";
  in.build_timeout = std::chrono::seconds(20);
  in.test_timeout = std::chrono::seconds(3);
  return in;
}

TEST(ProjectRun, TapOutputOfATestCommandGivesPerTestResults) {
  testing::TempDir dir;
  exec::BoostProcessRunner runner;
  const auto run =
      run_project(runner, custom(dir, "echo built > marker",
                                 "test -f marker && printf '1..2\\nok 1 - a\\nnot ok 2 - b\\n'; exit 1"));
  ASSERT_TRUE(run.built) << run.build_failure;
  EXPECT_EQ(run.sources, std::vector<std::string>{"tap"});
  ASSERT_NE(find(run.tests, "b"), nullptr);
  EXPECT_EQ(find(run.tests, "b")->outcome, TestOutcome::fail);
  // The harness exited on its own after writing per-test results: its exit sums them up, and the
  // command's own entry passes (it would only repeat test b).
  ASSERT_NE(find(run.tests, "(test command)"), nullptr);
  EXPECT_EQ(find(run.tests, "(test command)")->outcome, TestOutcome::pass);
  EXPECT_FALSE(std::filesystem::exists(dir / "src/marker")) << "the build ran in a copy, not the source tree";
}

TEST(ProjectRun, AFailedBuildSaysWhichStepAndTheFirstError) {
  testing::TempDir dir;
  exec::BoostProcessRunner runner;
  const auto run =
      run_project(runner, custom(dir, "echo 'x.c:3:1: error: unknown type name' >&2; exit 2", "true"));
  EXPECT_FALSE(run.built);
  EXPECT_EQ(run.failed_step, "build");
  EXPECT_NE(run.build_failure.find("build failed (exit 2): x.c:3:1: error: unknown type name"),
            std::string::npos)
      << run.build_failure;
  EXPECT_TRUE(run.tests.empty());
}

TEST(ProjectRun, AHangingTestStepIsATimeoutEvenWithResultsWritten) {
  testing::TempDir dir;
  exec::BoostProcessRunner runner;
  const auto run =
      run_project(runner, custom(dir, "true", "printf '1..1\\nok 1 - a\\n'; sleep 60 & sleep 60"));
  const auto* step = find(run.tests, "(test command)");
  ASSERT_NE(step, nullptr);
  EXPECT_EQ(step->outcome, TestOutcome::timeout);
  EXPECT_LT(run.test_ms, 30000);
}

TEST(ProjectRun, WithoutAnyHarnessOutputTheExitStatusIsTheResult) {
  testing::TempDir dir;
  exec::BoostProcessRunner runner;
  const auto run = run_project(runner, custom(dir, "true", "echo checking; kill -SEGV $$"));
  ASSERT_EQ(run.tests.size(), 1u);
  EXPECT_EQ(run.tests[0].outcome, TestOutcome::crash);
  EXPECT_EQ(run.sources, std::vector<std::string>{"exit-status"});
}

TEST(ProjectRun, RepeatedNamesStayApart) {
  exec::ProcessResult ok;
  ok.termination = exec::Termination::exited;
  ok.exit_code = 0;
  BuildPlan plan;
  std::vector<std::string> sources;
  const auto r = collect_results(plan, ok, "1..2\nok 1 - same\nok 2 - same\n", sources);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[1].name, "same #2");
}

TEST(ProjectRun, FirstBuildErrorKnowsConfigureMesonAndMake) {
  EXPECT_EQ(first_build_error("checking...\nconfigure: error: C compiler cannot create executables\n"),
            "configure: error: C compiler cannot create executables");
  EXPECT_EQ(first_build_error("meson.build:3:0: ERROR: Dependency \"glib\" not found\n"),
            "meson.build:3:0: ERROR: Dependency \"glib\" not found");
  EXPECT_EQ(first_build_error("make: *** [all] Error 2\n"), "make: *** [all] Error 2");
}

}  // namespace
}  // namespace libcdiff::usertest
