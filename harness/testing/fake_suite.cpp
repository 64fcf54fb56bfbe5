// A stand-in suite binary for the suite runner's tests. Which cases misbehave is chosen through
// the environment, so one binary covers: normal results, a segfault mid-run, and a hang.
#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <string>
#include <thread>

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
  if (enabled("FAKE_SUITE_SEGFAULT")) std::raise(SIGSEGV);
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

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::Test::RecordProperty("libc.family", "glibc");
  return RUN_ALL_TESTS();
}
