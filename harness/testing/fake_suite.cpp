// A stand-in suite binary for the suite runner's tests. Which cases misbehave is chosen through
// the environment, so one binary covers: normal results, a segfault mid-run, a hang, and hostile
// output (invalid UTF-8, huge observations, a forged "[ RUN ]" line, a child escaping with setsid).
#include <gtest/gtest.h>

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

#include "common/case_marker.hpp"

namespace {

bool enabled(const char* variable) {
  const char* v = std::getenv(variable);
  return v != nullptr && std::string(v) == "1";
}

TEST(Demo, First) {
  RecordProperty("obs.value", "first");
}

TEST(Demo, Segfault) {
  RecordProperty("obs.value", "before the crash");
  // A case may print anything, even another case's progress line, before it dies.
  if (enabled("FAKE_SUITE_FORGE_RUN")) std::cout << "[ RUN      ] Demo.First" << std::endl;
  if (enabled("FAKE_SUITE_SEGFAULT")) std::raise(SIGSEGV);
}

TEST(Demo, Hostile) {
  if (enabled("FAKE_SUITE_BAD_UTF8")) RecordProperty("obs.bytes", "ok\xff\xfe\xc3");
  if (const char* n = std::getenv("FAKE_SUITE_SPAM_BYTES"))
    std::cout << std::string(std::stoul(n), 's') << std::endl;
  if (const char* n = std::getenv("FAKE_SUITE_HUGE_BYTES"))
    RecordProperty("obs.huge", std::string(std::stoul(n), 'x'));
  // A grandchild in a session of its own, as a daemonising test helper would be: it must still die
  // with the run. It writes its pid where the test can find it.
  if (const char* pid_file = std::getenv("FAKE_SUITE_ESCAPE_PID_FILE")) {
    if (fork() == 0) {
      setsid();
      std::ofstream(pid_file) << getpid() << std::endl;
      execlp("sleep", "sleep", "600", static_cast<char*>(nullptr));
      _exit(127);
    }
    if (enabled("FAKE_SUITE_HANG_AFTER_ESCAPE")) std::this_thread::sleep_for(std::chrono::hours(1));
  }
}

TEST(Demo, Hang) {
  if (enabled("FAKE_SUITE_HANG")) std::this_thread::sleep_for(std::chrono::hours(1));
  RecordProperty("obs.value", "no hang");
}

TEST(Demo, Skipped) {
  GTEST_SKIP() << "needs something this machine lacks";
}

TEST(Demo, Fails) {
  RecordProperty("obs.value", "ran");
  if (enabled("FAKE_SUITE_FAIL")) ADD_FAILURE() << "demo.cpp:1: call: got 1, want 2";
}

TEST(Demo, Last) {
  RecordProperty("obs.value", "caf\xc3\xa9");
}

}  // namespace

// Under the sanitizer builds (harness/testing/sanitizers.sh) this binary must still die *by* SIGSEGV
// when asked to: ASan would catch the signal and exit 1, which the suite runner rightly reads as a
// different death. The runner passes an exact environment, so ASAN_OPTIONS cannot reach us.
#if defined(__SANITIZE_ADDRESS__)
extern "C" const char* __asan_default_options() {
  return "handle_segv=0:detect_leaks=0";
}
#endif
#if defined(__SANITIZE_THREAD__)
extern "C" const char* __tsan_default_options() {
  return "handle_segv=0";
}
#endif

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  libcdiff::suite::install_case_marker();
  ::testing::Test::RecordProperty("libc.family", "glibc");
  return RUN_ALL_TESTS();
}
