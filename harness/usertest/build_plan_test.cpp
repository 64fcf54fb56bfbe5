#include "usertest/build_plan.hpp"

#include <gtest/gtest.h>

#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::usertest {
namespace {

TEST(BuildPlan, DetectsTheBuildSystem) {
  testing::TempDir dir;
  EXPECT_THROW(detect_build_kind(dir / "missing"), Fatal);
  EXPECT_THROW(detect_build_kind(dir.path()), Fatal);
  testing::write_text(dir / "Makefile", "all:\n");
  EXPECT_EQ(detect_build_kind(dir.path()), BuildKind::make);
  testing::write_text(dir / "configure.ac", "AC_INIT\n");
  EXPECT_EQ(detect_build_kind(dir.path()), BuildKind::autotools);
  testing::write_text(dir / "CMakeLists.txt", "project(x)\n");
  EXPECT_EQ(detect_build_kind(dir.path()), BuildKind::cmake);
  testing::write_text(dir / "meson.build", "project('x')\n");
  EXPECT_EQ(detect_build_kind(dir.path()), BuildKind::meson);
  EXPECT_THROW(build_kind_from_string("bazel"), Fatal);
}

TEST(BuildPlan, OutOfTreeOrInACopyNeverInTheSource) {
  BuildPlanInput in{"/src/p", "/out/work/musl", BuildKind::cmake, "", "", 2, 300, "-DDISABLE_WERROR=ON"};
  auto plan = make_build_plan(in);
  EXPECT_TRUE(plan.build[0].command.ends_with("-DBUILD_TESTING=ON -DDISABLE_WERROR=ON"))
      << plan.build[0].command;
  EXPECT_EQ(plan.build_dir, "/out/work/musl/build");
  EXPECT_NE(plan.test.command.find("--output-junit /out/work/musl/build/libcdiff-ctest-junit.xml"),
            std::string::npos);
  EXPECT_NE(plan.test.command.find("--timeout 300"), std::string::npos);
  EXPECT_EQ(plan.junit_source, "ctest-junit");

  in.kind = BuildKind::autotools;
  plan = make_build_plan(in);
  EXPECT_EQ(plan.build_dir, "/out/work/musl/src");
  ASSERT_GE(plan.build.size(), 3u);
  EXPECT_EQ(plan.build[0].name, "copy");
  for (const auto& step : plan.build) EXPECT_NE(step.working_dir, "/src/p") << step.name;
  EXPECT_EQ(plan.test.working_dir, "/out/work/musl/src");

  in.kind = BuildKind::meson;
  in.test_timeout_seconds = 600;
  plan = make_build_plan(in);
  EXPECT_NE(plan.test.command.find("--timeout-multiplier 20"), std::string::npos) << plan.test.command;
  EXPECT_EQ(plan.junit_file, "/out/work/musl/build/meson-logs/testlog.junit.xml");
}

TEST(BuildPlan, ACustomBuildNeedsATestCommand) {
  BuildPlanInput in{"/src/p", "/w", BuildKind::custom, "make", "", 2, 300, ""};
  EXPECT_THROW(make_build_plan(in), Fatal);
  in.test_command = "./run-tests";
  const auto plan = make_build_plan(in);
  EXPECT_EQ(plan.test.command, "./run-tests");
  EXPECT_TRUE(plan.junit_file.empty());
}

}  // namespace
}  // namespace libcdiff::usertest
