#include "collect/dns_lab.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "exec/boost_process_runner.hpp"
#include "testing/fake_process_runner.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::collect {
namespace {

using libcdiff::testing::TempDir;

// Processes whose command line mentions the lab directory (dnsmasq's --pid-file names it).
int processes_mentioning(const std::string& needle) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "cmdline", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().find(needle) != std::string::npos) ++count;
  }
  return count;
}

bool mounted_here(const std::string& needle) {
  std::ifstream in("/proc/self/mountinfo");
  std::stringstream text;
  text << in.rdbuf();
  return text.str().find(needle) != std::string::npos;
}

struct LabTest : ::testing::Test {
  TempDir dir;
  std::atomic<bool> interrupted{false};
  exec::BoostProcessRunner runner{&interrupted};
  DnsLab lab;

  void SetUp() override {
    lab = probe_dns_lab(runner, LIBCDIFF_SOURCE_DIR, dir / "lab");
    if (!lab.available) GTEST_SKIP() << lab.reason;
    std::filesystem::create_directories(dir / "lab");
  }

  exec::ProcessResult run_in_lab(const std::string& script, std::chrono::milliseconds timeout) {
    exec::ProcessSpec spec;
    spec.program = lab.launcher.front();
    spec.args.assign(lab.launcher.begin() + 1, lab.launcher.end());
    spec.args.insert(spec.args.end(), {"/bin/sh", "-c", script});
    spec.environment = std::map<std::string, std::string>{{"PATH", "/usr/bin:/bin:/usr/sbin:/sbin"}};
    spec.stdout_path = dir / "out";
    spec.stderr_path = dir / "out";
    spec.timeout = timeout;
    return runner.run(spec);
  }

  // The kernel kills the rest of the lab's PID namespace when its init dies; give it a moment.
  void expect_nothing_left() {
    const std::string needle = (dir / "lab").string();
    for (int i = 0; i < 200 && processes_mentioning(needle) > 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_EQ(processes_mentioning(needle), 0) << "a lab process outlived the lab";
    EXPECT_FALSE(mounted_here(needle)) << "a lab mount is visible outside the lab";
  }
};

TEST_F(LabTest, ServesTheZonesAndLeavesNothingBehind) {
  const auto r =
      run_in_lab("test -n \"$LIBCDIFF_DNS_LAB\" && getent hosts host.example.test", std::chrono::seconds(30));
  EXPECT_TRUE(r.succeeded()) << r.describe() << ": " << libcdiff::testing::read_text(dir / "out");
  EXPECT_NE(libcdiff::testing::read_text(dir / "out").find("10.1.0.1"), std::string::npos);
  expect_nothing_left();
}

TEST_F(LabTest, TornDownWhenTheCommandCrashes) {
  const auto r = run_in_lab("kill -SEGV $$", std::chrono::seconds(30));
  EXPECT_EQ(r.termination, exec::Termination::exited);
  EXPECT_EQ(r.exit_code, 128 + SIGSEGV);
  expect_nothing_left();
}

TEST_F(LabTest, TornDownOnTimeout) {
  const auto r = run_in_lab("sleep 30", std::chrono::milliseconds(1500));
  EXPECT_EQ(r.termination, exec::Termination::timed_out);
  expect_nothing_left();
}

TEST_F(LabTest, TornDownOnInterrupt) {
  std::thread interrupter([this] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    interrupted = true;  // what the CLI's SIGINT handler does
  });
  const auto r = run_in_lab("sleep 30", std::chrono::seconds(30));
  interrupter.join();
  // The runner asks with SIGTERM first: the lab may end by signal or exit non-zero (143), never succeed.
  EXPECT_FALSE(r.succeeded()) << r.describe();
  EXPECT_LT(r.elapsed.count(), 10000);
  expect_nothing_left();
}

TEST(DnsLabProbe, WithoutNamespacesTheReasonSaysWhatToEnable) {
  libcdiff::testing::FakeProcessRunner runner;
  runner.respond = [](const exec::ProcessSpec&) {
    exec::ProcessResult r;
    r.termination = exec::Termination::exited;
    r.exit_code = 1;  // unshare: Operation not permitted
    return r;
  };
  TempDir dir;
  const auto lab = probe_dns_lab(runner, LIBCDIFF_SOURCE_DIR, dir.path());
  EXPECT_FALSE(lab.available);
  if (lab.reason.find("dnsmasq") != std::string::npos || lab.reason.find("python3") != std::string::npos)
    GTEST_SKIP() << "the lab's programs are not installed here: " << lab.reason;
  EXPECT_NE(lab.reason.find("Run as root"), std::string::npos) << lab.reason;
  EXPECT_NE(lab.reason.find("unprivileged_userns_clone"), std::string::npos) << lab.reason;
  EXPECT_EQ(runner.calls.size(), 2u) << "tries root, then a user namespace";
}

}  // namespace
}  // namespace libcdiff::collect
