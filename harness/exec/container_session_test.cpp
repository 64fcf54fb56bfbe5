#include "exec/container_session.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "testing/fake_process_runner.hpp"
#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::exec {
namespace {

using libcdiff::testing::exited;

using testing::FakeProcessRunner;
using testing::TempDir;

bool is(const ProcessSpec& s, const std::string& program, const std::string& first_arg) {
  return s.program == program && !s.args.empty() && s.args[0] == first_arg;
}

TEST(ContainersConf, StaysWithinTheHardLimits) {
  const auto text = containers_conf_text({20000, 32768});
  EXPECT_NE(text.find(R"(default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"])"), std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(runtime = "runc")"), std::string::npos);
  EXPECT_NE(text.find(R"(cgroup_manager = "cgroupfs")"), std::string::npos);
  EXPECT_NE(text.find(R"(events_logger = "file")"), std::string::npos);
  // Unlimited hard limits are capped at podman's own default rather than written as 2^64-1.
  EXPECT_NE(containers_conf_text({~0ULL, ~0ULL}).find("nofile=1048576:1048576"), std::string::npos);
}

TEST(HardLimits, ProcessesAreCappedByPidMax) {
  TempDir proc;
  testing::write_text(proc / "sys/kernel/pid_max", "123\n");
  EXPECT_EQ(read_hard_limits(proc.path()).processes, 123u);
  EXPECT_GT(read_hard_limits(proc.path()).open_files, 0u);
}

TEST(ProbeEngine, PrefersAReachableDockerDaemon) {
  FakeProcessRunner runner;
  EXPECT_EQ(probe_engine(runner, "", {}).kind, EngineKind::docker);
}

TEST(ProbeEngine, FallsBackToPodmanWhenTheDockerClientHasNoDaemon) {
  FakeProcessRunner runner;
  runner.respond = [](const ProcessSpec& s) { return exited(is(s, "docker", "version") ? 1 : 0); };
  const auto probe = probe_engine(runner, "", {});
  EXPECT_TRUE(probe.usable);
  EXPECT_EQ(probe.kind, EngineKind::podman);
  const auto forced = probe_engine(runner, "docker", {});
  EXPECT_FALSE(forced.usable);
  EXPECT_NE(forced.reason.find("cannot reach a Docker daemon"), std::string::npos) << forced.reason;
}

TEST(ProbeEngine, NamesWhatIsMissing) {
  FakeProcessRunner runner;
  runner.respond = [](const ProcessSpec&) { return exited(127); };
  const auto probe = probe_engine(runner, "", {});
  EXPECT_FALSE(probe.usable);
  EXPECT_NE(probe.reason.find("scripts/setup.sh installs podman"), std::string::npos) << probe.reason;
  EXPECT_NE(probe_engine(runner, "lxc", {}).reason.find("podman or docker"), std::string::npos);
}

struct SessionTest : ::testing::Test {
  TempDir dir;
  FakeProcessRunner runner;
  SessionTest() {
    // docker has no daemon here: the session picks podman. `ps` lists one leftover container.
    runner.respond = [](const ProcessSpec& s) {
      if (is(s, "docker", "version")) return exited(1);
      const auto ps = std::find(s.args.begin(), s.args.end(), "ps");
      if (s.program == "podman" && ps != s.args.end())
        std::ofstream(s.stdout_path) << "libcdiff-run1-musl-dns\n";
      return exited(0);
    };
  }
  SessionOptions options() {
    return {"", dir / "run1", "/tmp", {{"PATH", "/usr/bin"}}, {20000, 32768}, false};
  }
};

TEST_F(SessionTest, RootlessPodmanKeepsItsStateInsideTheRunsOwnDirectories) {
  auto rootless = options();
  rootless.rootless = true;
  std::filesystem::path runtime_dir;
  {
    ContainerSession session(runner, rootless);
    const auto& env = session.engine().client_environment();
    ASSERT_TRUE(env.count("XDG_RUNTIME_DIR"));
    runtime_dir = env.at("XDG_RUNTIME_DIR");
    EXPECT_TRUE(runtime_dir.string().starts_with("/tmp/libcdiff-")) << runtime_dir;
    EXPECT_TRUE(std::filesystem::is_directory(runtime_dir));
  }
  EXPECT_FALSE(std::filesystem::exists(runtime_dir)) << "removed with the run root";
}

TEST_F(SessionTest, PodmanGetsAPrivateStoreAndGeneratedConf) {
  ContainerSession session(runner, options());
  auto& engine = session.engine();
  EXPECT_EQ(engine.kind(), EngineKind::podman);
  const auto& env = engine.client_environment();
  ASSERT_TRUE(env.count("CONTAINERS_CONF"));
  std::ifstream conf(env.at("CONTAINERS_CONF"));
  std::string text((std::istreambuf_iterator<char>(conf)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("nofile=20000:20000"), std::string::npos);
  const auto& args = engine.config().global_args;
  ASSERT_GE(args.size(), 8u);
  EXPECT_EQ(args[0], "--root");
  EXPECT_EQ(args[1], (dir / "run1" / "store").string());
  EXPECT_LE(args[3].size(), 50u);  // podman's limit for --runroot
  EXPECT_TRUE(std::filesystem::is_directory(args[3]));
  EXPECT_EQ(session.container_name("musl dns"), "libcdiff-run1-musl-dns");
}

TEST_F(SessionTest, CloseRemovesContainersImagesAndTheStore) {
  std::filesystem::path runroot;
  {
    ContainerSession session(runner, options());
    session.track_image("localhost/libcdiff-musl-image:run");
    EXPECT_TRUE(std::filesystem::exists(dir / "run1"));
    runroot = session.engine().config().global_args.at(3);
  }  // the destructor closes
  EXPECT_FALSE(std::filesystem::exists(dir / "run1"));
  EXPECT_FALSE(std::filesystem::exists(runroot));
  bool removed_container = false, removed_image = false;
  for (const auto& c : runner.calls) {
    const auto has = [&](const std::string& a) {
      return std::find(c.args.begin(), c.args.end(), a) != c.args.end();
    };
    if (has("rm") && has("libcdiff-run1-musl-dns")) removed_container = c.survives_interrupt;
    if (has("rmi") && has("localhost/libcdiff-musl-image:run")) removed_image = c.survives_interrupt;
  }
  EXPECT_TRUE(removed_container);
  EXPECT_TRUE(removed_image);
}

TEST_F(SessionTest, NoEngineIsAnEnvironmentError) {
  runner.respond = [](const ProcessSpec&) { return exited(127); };
  try {
    ContainerSession session(runner, options());
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::environment);
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "run1"));
}

}  // namespace
}  // namespace libcdiff::exec
