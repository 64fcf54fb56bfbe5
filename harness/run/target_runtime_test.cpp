#include "run/target_runtime.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "testing/fake_process_runner.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::run {
namespace {

using libcdiff::testing::FakeProcessRunner;
using libcdiff::testing::TempDir;

bool contains(const std::vector<std::string>& argv, const std::string& arg) {
  return std::find(argv.begin(), argv.end(), arg) != argv.end();
}

struct RuntimeTest : ::testing::Test {
  FakeProcessRunner runner;
  libcdiff::testing::FixedClock clock;
  std::ostringstream out, err;
  std::atomic<bool> interrupted{false};
  TempDir dir;
  std::map<std::string, std::string> tool_environment{{"PATH", "/usr/bin"}};
  collect::DnsLab lab{true, "", {"unshare", "--mount", "--net", "--pid", "/bin/bash", "lab.sh", "LAB"}};

  // Which engine the fake machine has: a reachable docker daemon or not.
  void machine_with(bool docker_daemon) {
    runner.respond = [docker_daemon](const exec::ProcessSpec& s) {
      exec::ProcessResult r;
      r.termination = exec::Termination::exited;
      r.exit_code =
          (s.program == "docker" && !s.args.empty() && s.args[0] == "version" && !docker_daemon) ? 1 : 0;
      return r;
    };
  }
  collect::SuiteRunOptions prepare(const std::string& target_id, exec::ContainerSession* session) {
    cli::Context ctx{runner, clock, LIBCDIFF_SOURCE_DIR, dir.path(), out, err, interrupted, tool_environment};
    const auto target = targets::find_target(target_id);
    TargetRuntime runtime(ctx, target, session);
    collect::SuiteRunOptions options;
    options.work_dir = dir / "work";
    std::filesystem::create_directories(options.work_dir);
    runtime.prepare_suite(options, "dns", {{"HOME", "/h"}}, &lab);
    return options;
  }
};

TEST_F(RuntimeTest, HostTargetRunsThroughTheLabDirectly) {
  const auto options = prepare("musl", nullptr);
  EXPECT_EQ(options.launcher, lab.launcher);
  EXPECT_EQ(options.environment.at("HOME"), "/h");
}

TEST_F(RuntimeTest, PodmanRunsInsideTheLabAndJoinsItsNamespaceByPath) {
  machine_with(false);
  exec::ContainerSession session(runner, {"", dir / "state", "/tmp", tool_environment, {1024, 1024}});
  const auto options = prepare("musl-image", &session);
  ASSERT_GT(options.launcher.size(), lab.launcher.size());
  EXPECT_TRUE(std::equal(lab.launcher.begin(), lab.launcher.end(), options.launcher.begin()));
  EXPECT_TRUE(contains(options.launcher, "ns:/proc/1/ns/net"));
  EXPECT_TRUE(contains(options.launcher, "LIBCDIFF_DNS_LAB"));
  EXPECT_TRUE(options.exit_status_carries_signal);
  EXPECT_TRUE(options.environment.count("CONTAINERS_CONF"));  // the engine's environment, not the suite's
  EXPECT_TRUE(contains(options.launcher, "HOME=/h"));         // the suite's goes into the container
}

TEST_F(RuntimeTest, DockerJoinsAHolderContainerThatTheLabEnters) {
  machine_with(true);
  exec::ContainerSession session(runner, {"", dir / "state", "/tmp", tool_environment, {1024, 1024}});
  const auto options = prepare("glibc-image", &session);
  ASSERT_GE(options.launcher.size(), 3u);
  EXPECT_NE(options.launcher[1].find("docker-holder.sh"), std::string::npos);
  EXPECT_FALSE(contains(options.launcher, "--net")) << "the holder owns the network namespace";
  const auto network = std::find(options.launcher.begin(), options.launcher.end(), "--network");
  ASSERT_NE(network, options.launcher.end());
  EXPECT_TRUE(network[1].starts_with("container:libcdiff-")) << network[1];
}

TEST_F(RuntimeTest, RemoteDockerDaemonSkipsTheLabWithTheReason) {
  machine_with(true);
  tool_environment["DOCKER_HOST"] = "tcp://build-host:2376";
  exec::ContainerSession session(runner, {"", dir / "state", "/tmp", tool_environment, {1024, 1024}});
  const auto options = prepare("glibc-image", &session);
  EXPECT_FALSE(contains(options.launcher, "unshare"));
  const auto it = std::find_if(options.launcher.begin(), options.launcher.end(),
                               [](const auto& a) { return a.starts_with("LIBCDIFF_DNS_LAB_UNAVAILABLE="); });
  ASSERT_NE(it, options.launcher.end());
  EXPECT_NE(it->find("tcp://build-host:2376"), std::string::npos);
}

}  // namespace
}  // namespace libcdiff::run
