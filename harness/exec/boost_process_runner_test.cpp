#include "exec/boost_process_runner.hpp"

#include <gtest/gtest.h>
#include <signal.h>

#include <csignal>
#include <thread>

#include "testing/temp_dir.hpp"

namespace libcdiff::exec {
namespace {

using libcdiff::testing::read_text;
using libcdiff::testing::TempDir;

ProcessSpec shell(const std::string& script, std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
  ProcessSpec spec;
  spec.program = "sh";
  spec.args = {"-c", script};
  spec.timeout = timeout;
  return spec;
}

TEST(BoostProcessRunner, ReportsTheExitCode) {
  BoostProcessRunner runner;
  const auto r = runner.run(shell("exit 3"));
  EXPECT_EQ(r.termination, Termination::exited);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.describe(), "exit 3");
}

TEST(BoostProcessRunner, ReportsTheSignalThatKilledTheChild) {
  BoostProcessRunner runner;
  const auto r = runner.run(shell("kill -SEGV $$"));
  EXPECT_EQ(r.termination, Termination::signaled);
  EXPECT_EQ(r.signal, SIGSEGV);
  EXPECT_EQ(r.describe(), "SIGSEGV");
}

TEST(BoostProcessRunner, KillsAChildThatOutlivesItsTimeout) {
  BoostProcessRunner runner;
  const auto r = runner.run(shell("sleep 30", std::chrono::milliseconds(300)));
  EXPECT_EQ(r.termination, Termination::timed_out);
  EXPECT_GE(r.elapsed.count(), 300);
  EXPECT_LT(r.elapsed.count(), 10000) << "the watchdog must not wait for the child";
}

TEST(BoostProcessRunner, TimeoutAlsoKillsGrandchildren) {
  TempDir dir;
  BoostProcessRunner runner;
  const auto pid_file = dir / "grandchild.pid";
  runner.run(shell("sleep 30 & echo $! > " + pid_file.string() + "; wait", std::chrono::milliseconds(500)));
  const pid_t grandchild = std::stoi(read_text(pid_file));
  bool gone = false;
  for (int i = 0; i < 200 && !gone; ++i) {  // reaped by init shortly after the kill
    gone = ::kill(grandchild, 0) != 0;
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(gone) << "grandchild " << grandchild << " survived the timeout";
}

TEST(BoostProcessRunner, CapturesStdoutAndStderrToFiles) {
  TempDir dir;
  BoostProcessRunner runner;
  auto spec = shell("echo out; echo err >&2");
  spec.stdout_path = dir / "out";
  spec.stderr_path = dir / "err";
  ASSERT_TRUE(runner.run(spec).succeeded());
  EXPECT_EQ(read_text(dir / "out"), "out\n");
  EXPECT_EQ(read_text(dir / "err"), "err\n");
}

TEST(BoostProcessRunner, ReplacesAnOldLogInsteadOfWritingOverItsStart) {
  TempDir dir;
  const auto log = dir.path() / "suite.log";
  libcdiff::testing::write_text(log, std::string(4096, 'x') + "\n[ RUN      ] Old.Case\n");
  auto spec = shell("echo new");
  spec.stdout_path = log;
  spec.stderr_path = log;
  BoostProcessRunner runner;
  ASSERT_TRUE(runner.run(spec).succeeded());
  EXPECT_EQ(read_text(log), "new\n") << "an earlier run's tail must not survive";
}

TEST(BoostProcessRunner, GivesTheChildExactlyTheRequestedEnvironment) {
  TempDir dir;
  BoostProcessRunner runner;
  auto spec = shell("env | sort");
  spec.program = "/bin/sh";
  spec.environment = std::map<std::string, std::string>{{"ONLY_THIS", "1"}};
  spec.stdout_path = dir / "out";
  ASSERT_TRUE(runner.run(spec).succeeded());
  const std::string env = read_text(dir / "out");
  EXPECT_NE(env.find("ONLY_THIS=1"), std::string::npos);
  EXPECT_EQ(env.find("HOME="), std::string::npos) << env;
}

TEST(BoostProcessRunner, MissingProgramFailsToStartWithAReason) {
  BoostProcessRunner runner;
  ProcessSpec spec;
  spec.program = "libcdiff-no-such-program";
  const auto r = runner.run(spec);
  EXPECT_EQ(r.termination, Termination::failed_to_start);
  EXPECT_NE(r.describe().find("not found"), std::string::npos);
}

TEST(BoostProcessRunner, InterruptionKillsTheRunningChild) {
  std::atomic<bool> interrupted{false};
  BoostProcessRunner runner(&interrupted);
  std::thread interrupter([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    interrupted = true;
  });
  const auto r = runner.run(shell("sleep 30"));
  interrupter.join();
  EXPECT_NE(r.termination, Termination::exited);
  EXPECT_LT(r.elapsed.count(), 10000);
}

TEST(BoostProcessRunner, InterruptionLetsTheChildStopItsOwnJobsFirst) {
  // A ninja stops the compilers it started (in process groups of their own) on SIGTERM; after a
  // straight SIGKILL they would run on as orphans.
  TempDir dir;
  std::atomic<bool> interrupted{false};
  BoostProcessRunner runner(&interrupted);
  std::thread interrupter([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    interrupted = true;
  });
  const auto marker = dir / "stopped";
  const auto r =
      runner.run(shell("trap 'echo term > " + marker.string() + "; exit 143' TERM; sleep 30 & wait"));
  interrupter.join();
  EXPECT_EQ(read_text(marker), "term\n") << "the child must see SIGTERM before it is killed";
  EXPECT_LT(r.elapsed.count(), 10000);
}

TEST(BoostProcessRunner, UnwritableOutputFailsBeforeAnythingStarts) {
  TempDir dir;
  BoostProcessRunner runner;
  auto spec = shell("touch " + (dir / "started").string());
  spec.stdout_path = dir / "missing-dir" / "out.log";
  const auto r = runner.run(spec);
  EXPECT_EQ(r.termination, Termination::failed_to_start);
  EXPECT_NE(r.describe().find("does not exist"), std::string::npos) << r.describe();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(std::filesystem::exists(dir / "started"));
}

TEST(BoostProcessRunner, CleanUpCommandsSurviveAnInterruption) {
  TempDir dir;
  std::atomic<bool> interrupted{true};  // Ctrl-C already happened
  BoostProcessRunner runner(&interrupted);
  auto cleanup = shell("sleep 0.3; touch " + (dir / "cleaned").string());
  cleanup.survives_interrupt = true;
  EXPECT_TRUE(runner.run(cleanup).succeeded());
  EXPECT_TRUE(std::filesystem::exists(dir / "cleaned"));
  EXPECT_FALSE(runner.run(shell("sleep 5")).succeeded());  // anything else stops at once
}

}  // namespace
}  // namespace libcdiff::exec

namespace libcdiff::exec {
namespace {

// A libcdiff started with SIGQUIT ignored (in the background, under nohup) must not pass that on:
// children start with every signal at its default.
TEST(BoostProcessRunner, ChildrenStartWithDefaultSignalDispositions) {
  struct sigaction old {};
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGQUIT, &ignore, &old);
  testing::TempDir dir;
  BoostProcessRunner runner;
  ProcessSpec spec;
  spec.program = "grep";  // the kernel's word on the child's ignored signals (a shell ignores some itself)
  spec.args = {"SigIgn", "/proc/self/status"};
  spec.timeout = std::chrono::seconds(10);
  spec.stdout_path = dir / "status";
  const auto r = runner.run(spec);
  ::sigaction(SIGQUIT, &old, nullptr);
  ASSERT_TRUE(r.succeeded()) << r.describe();
  const auto line = testing::read_text(dir / "status");
  ASSERT_EQ(line.rfind("SigIgn:", 0), 0u) << line;
  const auto mask = std::stoull(line.substr(7), nullptr, 16);
  EXPECT_EQ(mask & (1ull << (SIGQUIT - 1)), 0u) << line;
}

}  // namespace
}  // namespace libcdiff::exec
