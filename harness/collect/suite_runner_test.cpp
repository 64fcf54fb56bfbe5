#include "collect/suite_runner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "exec/boost_process_runner.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::collect {
namespace {

using libcdiff::testing::TempDir;
using model::Outcome;

const model::CaseResult& find(const SuiteRunResult& r, const std::string& id) {
  const auto it =
      std::find_if(r.output.cases.begin(), r.output.cases.end(), [&](const auto& c) { return c.id == id; });
  if (it == r.output.cases.end()) throw std::runtime_error(id + " missing from the results");
  return *it;
}

SuiteRunResult run_fake(const TempDir& dir, std::map<std::string, std::string> env,
                        std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
  exec::BoostProcessRunner runner;
  SuiteRunOptions options;
  options.environment = std::move(env);
  options.work_dir = dir.path();
  options.timeout = timeout;
  return run_suite(runner, LIBCDIFF_FAKE_SUITE, "demo", options);
}

// Runs `binary` (default: the fake suite) with `options` in `dir` through a real process runner.
SuiteRunResult run_with(const TempDir& dir, SuiteRunOptions options,
                        const std::filesystem::path& binary = LIBCDIFF_FAKE_SUITE) {
  exec::BoostProcessRunner runner;
  options.work_dir = dir.path();
  return run_suite(runner, binary, "demo", options);
}

// A shell script standing in for a suite binary that misbehaves in one particular way.
std::filesystem::path script_suite(const TempDir& dir, const std::string& body) {
  const auto script = dir / "script-suite";
  libcdiff::testing::write_text(script, "#!/bin/sh\n" + body);
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  return script;
}

TEST(SuiteRunner, CollectsOutcomesObservationsAndIdentity) {
  TempDir dir;
  const auto r = run_fake(dir, {});
  EXPECT_EQ(to_string(r.summary.status), "ok");
  EXPECT_EQ(r.summary.attempts, 1);
  EXPECT_EQ(r.output.cases.size(), 7u);
  EXPECT_EQ(find(r, "Demo.First").outcome, Outcome::pass);
  EXPECT_EQ(find(r, "Demo.First").observations.at("value"), "first");
  EXPECT_EQ(find(r, "Demo.Last").observations.at("value"), "caf\xc3\xa9")
      << "UTF-8 must survive gtest's JSON";
  EXPECT_EQ(r.output.identity.at("libc.family"), "glibc");
}

TEST(SuiteRunner, SkipKeepsTheReasonFromTheConsole) {
  TempDir dir;
  const auto r = run_fake(dir, {});
  EXPECT_EQ(find(r, "Demo.Skipped").outcome, Outcome::skip);
  EXPECT_EQ(find(r, "Demo.Skipped").message, "needs something this machine lacks");
}

TEST(SuiteRunner, FailedAssertionIsAFailWithItsMessage) {
  TempDir dir;
  const auto r = run_fake(dir, {{"FAKE_SUITE_FAIL", "1"}});
  EXPECT_EQ(find(r, "Demo.Fails").outcome, Outcome::fail);
  EXPECT_NE(find(r, "Demo.Fails").message.find("got 1, want 2"), std::string::npos);
}

TEST(SuiteRunner, SegfaultMidRunIsThatCasesCrashAndTheOthersStillRun) {
  TempDir dir;
  const auto r = run_fake(dir, {{"FAKE_SUITE_SEGFAULT", "1"}});
  EXPECT_EQ(to_string(r.summary.status), "recovered");
  EXPECT_EQ(r.summary.attempts, 2);
  EXPECT_EQ(find(r, "Demo.Segfault").outcome, Outcome::crash);
  EXPECT_EQ(find(r, "Demo.Segfault").message, "SIGSEGV");
  EXPECT_EQ(find(r, "Demo.First").outcome, Outcome::pass);
  EXPECT_EQ(find(r, "Demo.Last").outcome, Outcome::pass) << "cases after the crash must not be lost";
  EXPECT_EQ(r.output.cases.size(), 7u);
}

TEST(SuiteRunner, ACallersFilterKeepsTheCrashExclusion) {
  // `libcdiff fuzz` and `run --cases` pass --gtest_filter; gtest reads only the last filter, so the
  // runner joins the caller's with its exclusions: the crashed case is not run again and again.
  TempDir dir;
  SuiteRunOptions options;
  options.environment = {{"FAKE_SUITE_SEGFAULT", "1"}};
  options.extra_args = {"--gtest_filter=Demo.First:Demo.Segfault:Demo.Last"};
  const auto r = run_with(dir, options);
  EXPECT_EQ(r.summary.attempts, 2);
  EXPECT_EQ(find(r, "Demo.Segfault").outcome, Outcome::crash);
  EXPECT_EQ(find(r, "Demo.Last").outcome, Outcome::pass);
  EXPECT_EQ(r.output.cases.size(), 3u) << "only the caller's cases run";
}

TEST(SuiteRunner, ACaseThatPrintsAnotherCasesRunLineIsStillTheOneBlamed) {
  TempDir dir;
  const auto r = run_fake(dir, {{"FAKE_SUITE_SEGFAULT", "1"}, {"FAKE_SUITE_FORGE_RUN", "1"}});
  EXPECT_EQ(to_string(r.summary.status), "recovered") << r.summary.message;
  EXPECT_EQ(r.summary.attempts, 2);
  EXPECT_EQ(find(r, "Demo.Segfault").outcome, Outcome::crash);
  EXPECT_EQ(find(r, "Demo.First").outcome, Outcome::pass) << "the forged line named an innocent case";
  EXPECT_EQ(r.output.cases.size(), 7u);
}

TEST(SuiteRunner, ABinaryWithoutTheListenerThatKeepsNamingAnExcludedCaseStopsAtOnce) {
  // No marker file: the console is all there is, and it names the same case every time.
  TempDir dir;
  const auto r = run_with(dir, {}, script_suite(dir, "echo '[ RUN      ] Demo.Innocent'\nkill -SEGV $$\n"));
  EXPECT_EQ(r.summary.attempts, 2) << "the second death in an excluded case must end the loop";
  EXPECT_EQ(to_string(r.summary.status), "crashed outside a case");
  EXPECT_NE(r.summary.message.find("which was not running"), std::string::npos) << r.summary.message;
}

TEST(SuiteRunner, InvalidUtf8InAnObservationIsKeptVisiblyAndSafely) {
  TempDir dir;
  const auto r = run_fake(dir, {{"FAKE_SUITE_BAD_UTF8", "1"}});
  EXPECT_EQ(to_string(r.summary.status), "ok");
  EXPECT_EQ(find(r, "Demo.Hostile").observations.at("bytes"), "ok\\xFF\\xFE\\xC3");
}

TEST(SuiteRunner, AHugeObservationIsCutWithANote) {
  TempDir dir;
  const auto r = run_fake(dir, {{"FAKE_SUITE_HUGE_BYTES", "300000"}});
  const auto& huge = find(r, "Demo.Hostile").observations.at("huge");
  EXPECT_LT(huge.size(), 70000u);
  EXPECT_NE(huge.find("[truncated at 65536 bytes of 300000]"), std::string::npos);
}

TEST(SuiteRunner, AFloodingCaseLeavesABoundedLogWithANote) {
  TempDir dir;
  SuiteRunOptions options;
  options.environment = {{"FAKE_SUITE_SPAM_BYTES", "1000000"}};
  options.max_log_bytes = 64 * 1024;
  const auto r = run_with(dir, options);
  EXPECT_EQ(to_string(r.summary.status), "ok");
  const auto log = libcdiff::testing::read_text(dir / "demo.attempt1.log");
  EXPECT_LT(log.size(), 64u * 1024 + 200);
  EXPECT_NE(log.find("bytes cut; the file had"), std::string::npos);
  EXPECT_NE(log.find("PASSED"), std::string::npos) << "the tail of the log is kept";
}

TEST(SuiteRunner, OversizedGtestJsonIsRefusedUnread) {
  TempDir dir;
  SuiteRunOptions options;
  options.environment = {{"FAKE_SUITE_HUGE_BYTES", "100000"}};
  options.max_json_bytes = 50000;
  const auto r = run_with(dir, options);
  EXPECT_EQ(to_string(r.summary.status), "unreadable output");
  EXPECT_NE(r.summary.message.find("more than a suite may write"), std::string::npos) << r.summary.message;
}

TEST(SuiteRunner, LauncherExitStatusOfADeadBinaryReadsAsItsSignal) {
  // A container engine reports "killed by SIGSEGV" as exit status 139, as this shell does.
  TempDir dir;
  SuiteRunOptions options;
  options.environment = {{"FAKE_SUITE_SEGFAULT", "1"}};
  options.launcher = {"/bin/sh", "-c", "\"$@\"", "launcher"};
  options.exit_status_carries_signal = true;
  int cleanups = 0;
  options.after_attempt = [&cleanups] { ++cleanups; };
  const auto r = run_with(dir, options);
  EXPECT_EQ(find(r, "Demo.Segfault").outcome, Outcome::crash);
  EXPECT_EQ(find(r, "Demo.Segfault").message, "SIGSEGV");
  EXPECT_EQ(cleanups, r.summary.attempts);  // every attempt's container is removed
  EXPECT_EQ(find(r, "Demo.Last").outcome, Outcome::pass);
}

TEST(SuiteRunner, HangingCaseBecomesATimeoutAndTheRestRun) {
  TempDir dir;
  const auto r = run_fake(dir, {{"FAKE_SUITE_HANG", "1"}}, std::chrono::milliseconds(1500));
  EXPECT_EQ(find(r, "Demo.Hang").outcome, Outcome::timeout);
  EXPECT_EQ(find(r, "Demo.Last").outcome, Outcome::pass);
  EXPECT_EQ(r.output.cases.size(), 7u);
}

TEST(SuiteRunner, BinaryThatCannotStartIsReported) {
  TempDir dir;
  const auto r = run_with(dir, {}, dir / "missing-binary");
  EXPECT_EQ(to_string(r.summary.status), "failed_to_start");
  EXPECT_TRUE(r.output.cases.empty());
}

TEST(UnfinishedTest, FindsTheCaseThatWasRunningWhenTheBinaryDied) {
  const std::string console =
      "[ RUN      ] A.One\n[       OK ] A.One (0 ms)\n[ RUN      ] A.Two\n[  SKIPPED ] A.Two (0 ms)\n"
      "[ RUN      ] A.Three\n";
  EXPECT_EQ(unfinished_test(console), "A.Three");
  EXPECT_EQ(unfinished_test(console + "[  FAILED  ] A.Three (1 ms)\n"), "");
  EXPECT_EQ(unfinished_test(""), "");
}

TEST(SkipReasons, ReadsMultiLineReasonsPerCase) {
  const std::string console =
      "[ RUN      ] A.One\nx.cpp:3: Skipped\nfirst line\nsecond line\n[  SKIPPED ] A.One (0 ms)\n"
      "[ RUN      ] A.Two\n[       OK ] A.Two (0 ms)\n";
  const auto reasons = skip_reasons(console);
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons.at("A.One"), "first line\nsecond line");
}

}  // namespace
}  // namespace libcdiff::collect

namespace libcdiff::collect {
namespace {

TEST(SuiteRunner, UnreadableJsonIsReportedNotThrown) {
  libcdiff::testing::TempDir dir;
  // A "suite" that writes broken JSON where gtest would write its results.
  const auto r = run_with(
      dir, {}, script_suite(dir, "out=${1#--gtest_output=json:}\necho '{\"testsuites\": [' > \"$out\"\n"));
  EXPECT_EQ(to_string(r.summary.status), "unreadable output");
  EXPECT_NE(r.summary.message.find("is not valid gtest JSON"), std::string::npos) << r.summary.message;
}

}  // namespace
}  // namespace libcdiff::collect

namespace libcdiff::collect {
namespace {

TEST(SuiteRunner, InterruptionStopsWithoutBlamingTheRunningCase) {
  libcdiff::testing::TempDir dir;
  std::atomic<bool> interrupted{false};
  exec::BoostProcessRunner runner(&interrupted);
  SuiteRunOptions options;
  options.work_dir = dir.path();
  options.environment = {{"FAKE_SUITE_HANG", "1"}};
  options.interrupted = &interrupted;
  std::thread interrupter([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    interrupted = true;
  });
  const auto r = run_suite(runner, LIBCDIFF_FAKE_SUITE, "demo", options);
  interrupter.join();
  EXPECT_EQ(to_string(r.summary.status), "interrupted");
  EXPECT_EQ(r.summary.attempts, 1);
  EXPECT_TRUE(r.output.cases.empty()) << "no case may be recorded as a crash because the user pressed Ctrl-C";
}

}  // namespace
}  // namespace libcdiff::collect
