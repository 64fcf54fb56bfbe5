#include "exec/container_engine.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "testing/fake_process_runner.hpp"
#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::exec {
namespace {

using libcdiff::testing::exited;

using testing::FakeProcessRunner;
using testing::TempDir;

bool has_sequence(const std::vector<std::string>& argv, const std::vector<std::string>& sequence) {
  return std::search(argv.begin(), argv.end(), sequence.begin(), sequence.end()) != argv.end();
}

struct EngineTest : ::testing::Test {
  TempDir dir;
  FakeProcessRunner runner;
  EngineConfig config(EngineKind kind) {
    EngineConfig c;
    c.kind = kind;
    c.program = engine_name(kind);
    if (kind == EngineKind::podman) c.global_args = {"--root", "/state/store"};
    c.environment = {{"PATH", "/usr/bin"}};
    c.scratch_dir = dir.path();
    return c;
  }
  ContainerSpec spec() {
    ContainerSpec s;
    s.image = "localhost/img:run";
    s.name = "libcdiff-run-musl-math";
    s.user = "1000:1000";
    s.mounts = {{"/host/build", "/host/build", true}, {"/host/work", "/host/work", false}};
    s.environment = {{"HOME", "/host/work"}};
    s.inherited_environment = {"LIBCDIFF_DNS_LAB"};
    s.working_dir = "/host/work";
    s.command = {"/host/build/suite_math", "--gtest_color=no"};
    return s;
  }
};

TEST_F(EngineTest, PodmanRunIsAnArgumentVectorWithEveryIsolationFlag) {
  ContainerEngine engine(runner, config(EngineKind::podman));
  const auto argv = engine.run_command_line(spec());
  EXPECT_EQ(argv.front(), "podman");
  EXPECT_TRUE(
      has_sequence(argv, {"--root", "/state/store", "run", "--rm", "--name", "libcdiff-run-musl-math"}));
  EXPECT_TRUE(has_sequence(argv, {"--network", "none"}));
  EXPECT_TRUE(has_sequence(argv, {"--no-hosts"}));
  EXPECT_TRUE(has_sequence(argv, {"--user", "1000:1000"}));
  EXPECT_TRUE(has_sequence(argv, {"--memory", "4g", "--pids-limit", "4096"}));
  EXPECT_TRUE(has_sequence(argv, {"--volume", "/host/build:/host/build:ro"}));
  EXPECT_TRUE(has_sequence(argv, {"--volume", "/host/work:/host/work:rw"}));
  EXPECT_TRUE(has_sequence(argv, {"--env", "HOME=/host/work"}));
  EXPECT_TRUE(has_sequence(argv, {"--env", "LIBCDIFF_DNS_LAB"}));
  // The image, then the command, last: nothing after the image is read as an engine option.
  EXPECT_TRUE(has_sequence(argv, {"localhost/img:run", "/host/build/suite_math", "--gtest_color=no"}));
  EXPECT_EQ(argv.back(), "--gtest_color=no");
}

TEST_F(EngineTest, DockerHasNoPodmanOnlyFlags) {
  ContainerEngine engine(runner, config(EngineKind::docker));
  const auto argv = engine.run_command_line(spec());
  EXPECT_EQ(argv.front(), "docker");
  EXPECT_EQ(std::count(argv.begin(), argv.end(), "--no-hosts"), 0);
  EXPECT_EQ(std::count(argv.begin(), argv.end(), "--root"), 0);
  EXPECT_FALSE(engine.can_join_network_namespace());
  EXPECT_TRUE(ContainerEngine(runner, config(EngineKind::podman)).can_join_network_namespace());
}

TEST_F(EngineTest, RunRemovesTheContainerEvenWhenTheClientWasKilled) {
  ContainerEngine engine(runner, config(EngineKind::podman));
  runner.respond = [](const ProcessSpec& s) {
    ProcessResult r;
    r.termination = s.args.size() > 3 && s.args[2] == "run" ? Termination::timed_out : Termination::exited;
    r.exit_code = 0;
    return r;
  };
  const auto result = engine.run(spec(), dir / "out.log", std::chrono::seconds(1));
  EXPECT_EQ(result.termination, Termination::timed_out);
  ASSERT_EQ(runner.calls.size(), 2u);
  const auto& rm = runner.calls[1].args;
  EXPECT_TRUE(has_sequence(rm, {"rm", "--force", "--ignore", "--time", "0", "libcdiff-run-musl-math"}));
  EXPECT_TRUE(runner.calls[1].survives_interrupt);  // clean-up runs even after Ctrl-C
  EXPECT_EQ(runner.calls[0].environment->at("PATH"), "/usr/bin");
}

TEST_F(EngineTest, ImageSizeIsReadFromInspect) {
  ContainerEngine engine(runner, config(EngineKind::podman));
  runner.respond = [](const ProcessSpec& s) {
    std::ofstream(s.stdout_path) << "2888775\n";
    return exited(0);
  };
  EXPECT_EQ(engine.image_size("localhost/img:run"), 2888775u);
  EXPECT_TRUE(
      has_sequence(runner.calls[0].args, {"image", "inspect", "--format", "{{.Size}}", "localhost/img:run"}));
  runner.respond = [](const ProcessSpec&) { return exited(125); };
  EXPECT_EQ(engine.image_size("absent"), std::nullopt);
  EXPECT_FALSE(engine.image_exists("absent"));
}

TEST_F(EngineTest, PullFailureIsTheEnginesErrorLine) {
  ContainerEngine engine(runner, config(EngineKind::podman));
  runner.respond = [](const ProcessSpec& s) {
    std::ofstream(s.stdout_path) << "Trying to pull docker.io/library/alpine:3.20...\n"
                                 << "Error: initializing source: no such host\n";
    return exited(125);
  };
  EXPECT_EQ(engine.pull("docker.io/library/alpine:3.20", std::chrono::seconds(5)),
            "Error: initializing source: no such host");
}

TEST_F(EngineTest, FailedImportIsAnEnvironmentError) {
  ContainerEngine engine(runner, config(EngineKind::podman));
  runner.respond = [](const ProcessSpec& s) {
    std::ofstream(s.stdout_path) << "Error: invalid tar header\n";
    return exited(125);
  };
  try {
    engine.import_rootfs("/tmp/rootfs.tar", "localhost/x:run");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::environment);
    EXPECT_NE(e.line().find("invalid tar header"), std::string::npos) << e.line();
  }
}

TEST_F(EngineTest, BuildPassesBaseImageAndStage) {
  ContainerEngine engine(runner, config(EngineKind::podman));
  engine.build({.dockerfile = "/repo/docker/debian.Dockerfile",
                .context = "/repo",
                .build_args = {{"BASE_IMAGE", "docker.io/library/debian:12-slim"}},
                .target_stage = "build",
                .tag = "localhost/libcdiff-debian-12:build",
                .log = dir / "build.log"});
  const auto& args = runner.calls.at(0).args;
  EXPECT_TRUE(has_sequence(args, {"build", "--file", "/repo/docker/debian.Dockerfile"}));
  EXPECT_TRUE(has_sequence(args, {"--build-arg", "BASE_IMAGE=docker.io/library/debian:12-slim"}));
  EXPECT_TRUE(has_sequence(args, {"--target", "build"}));
  EXPECT_EQ(args.back(), "/repo");
}

TEST(FirstErrorLine, PrefersTheErrorLine) {
  EXPECT_EQ(first_error_line("noise\n  Error: it broke\nmore\n"), "Error: it broke");
  EXPECT_EQ(first_error_line("\n  just text\n"), "just text");
  EXPECT_EQ(first_error_line(""), "no message");
}

}  // namespace
}  // namespace libcdiff::exec
