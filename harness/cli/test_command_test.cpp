#include "cli/test_command.hpp"

#include <gtest/gtest.h>

#include "targets/target.hpp"
#include "testing/cli_harness.hpp"

namespace libcdiff::cli {
namespace {

// A cache whose musl and glibc setup is stamped done: the checks after the setup check are reached.
void stamp_setup(testing::CliHarness& cli) {
  for (const auto* id : {"musl", "glibc"})
    for (const auto& entry : targets::find_target(id).cache_entries)
      testing::write_text(cli.cache / entry / ".libcdiff-done", "x");
}

TEST(TestCommand, BadInputFailsInASecondAndLeavesNothingBehind) {
  testing::TempDir project;
  testing::write_text(project / "CMakeLists.txt", "project(p)\n");
  const struct {
    std::vector<std::string> args;
    std::string error;
  } cases[] = {
      {{"test", (project / "missing").string()}, "is not a directory"},
      {{"test", project.path().string(), "--build", "bazel"}, "is not a build system libcdiff knows"},
      {{"test", project.path().string(), "--env", "NOVALUE"}, "is not NAME=VALUE"},
      {{"test", project.path().string(), "--targets", "musl"}, "names one target"},
      {{"test", project.path().string(), "--targets", "musl,musl-image"}, "test builds on local targets"},
      {{"test", project.path().string(), "--build-cmd", "make"}, "gives no way to run the tests"},
      {{"test", project.path().string(), "-o", (project / "out").string()},
       "is inside the project's source tree"},
  };
  for (const auto& c : cases) {
    testing::CliHarness cli;
    stamp_setup(cli);
    EXPECT_EQ(cli.run(c.args), 2) << c.args.back();
    EXPECT_NE(cli.error_line().find(c.error), std::string::npos) << cli.err.str();
    EXPECT_TRUE(cli.runner.calls.empty())
        << c.args.back() << ": no process may start before the input is checked";
  }
  EXPECT_FALSE(std::filesystem::exists(project / "out")) << "a refused -o is never created";
}

TEST(TestCommand, AnUnpreparedTargetIsAnEnvironmentError) {
  testing::TempDir project;
  testing::write_text(project / "Makefile", "check:\n");
  testing::CliHarness cli;
  EXPECT_EQ(cli.run({"test", project.path().string()}), 3);
  EXPECT_NE(cli.error_line().find("Run scripts/setup.sh"), std::string::npos) << cli.err.str();
}

}  // namespace
}  // namespace libcdiff::cli
