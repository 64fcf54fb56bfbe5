// One target's build and test of the user's project (issue 14): the plan's steps run with the
// target's environment, each with a time limit and its output in a log; then every per-test result
// the test harnesses left behind is collected. A failed build is this target's result, not an error
// of the whole command: the other targets still run.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "exec/process_runner.hpp"
#include "usertest/build_plan.hpp"
#include "usertest/test_programs.hpp"
#include "usertest/test_result.hpp"

namespace libcdiff::usertest {

struct ProjectRunInput {
  BuildPlan plan;
  std::map<std::string, std::string> environment;  // the child's whole environment
  std::filesystem::path log_dir;                   // build.log and test.log go here
  std::chrono::seconds build_timeout{3600};        // per build step
  std::chrono::seconds test_timeout{3600};         // the whole test step
  // The largest file a build or test may write (ulimit -f): a runaway test fills no disk.
  std::uintmax_t max_file_bytes = 1ull << 30;
  const std::atomic<bool>* interrupted = nullptr;
  std::function<void(const std::string&)> progress;  // "configure", "build", "test" as they start
};

struct ProjectRun {
  bool built = false;
  std::string failed_step;    // "configure" when the build stopped there
  std::string build_failure;  // "configure failed (exit 1): <first error line>"
  std::filesystem::path build_log;
  std::filesystem::path test_log;
  std::string test_status;           // how the test step ended: "exit 0", "timeout after ...", "SIGKILL"
  std::vector<std::string> sources;  // which readers found results: "ctest-junit", "automake-trs", ...
  std::vector<TestResult> tests;
  TestPrograms programs;  // test name -> program, where the build system lists them
  long long build_ms = 0;
  long long test_ms = 0;
  bool interrupted = false;
};

ProjectRun run_project(exec::ProcessRunner& runner, const ProjectRunInput& input);

// Every result the harnesses left after the test step (JUnit, .trs, gtest JSON, TAP in the output),
// plus "(test command)": the test step's own exit. Never empty.
std::vector<TestResult> collect_results(const BuildPlan& plan, const exec::ProcessResult& test_step,
                                        const std::string& test_output, std::vector<std::string>& sources);

// The first line of a build log that reads as an error (compiler, CMake, configure, Meson, make).
std::string first_build_error(const std::string& log);

}  // namespace libcdiff::usertest
