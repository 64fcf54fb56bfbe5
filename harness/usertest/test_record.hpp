// The user's tests on one target as a run record (issue 14, item 7), so `test` shares the results
// layout, the comparison, the report, junit.xml and the CI policy with `run`. Each test is a case of
// the project's own area; the test's result is its observation "result", so a test that passes on
// glibc and fails on musl is a difference, and one that fails on both is the same result. A skip
// whose reason is the environment stays a skip (never a libc difference); the build is a case too.
#pragma once

#include <filesystem>
#include <string>

#include "model/run_record.hpp"
#include "targets/target.hpp"
#include "usertest/project_run.hpp"
#include "usertest/test_environment.hpp"

namespace libcdiff::usertest {

struct RecordInputs {
  std::string project;  // the area: the project's name
  const targets::Target* target = nullptr;
  std::string libc_version;  // "1.2.5", "2.36"
  std::string started_at;
  std::string finished_at;
  std::string build_kind;
  TestEnvironment environment;
  // Where each test's log is written (test_log_path under it); empty: not written.
  std::filesystem::path results_dir;
};

// "(build)": the case for the build itself.
inline constexpr const char* kBuildCase = "(build)";

std::string case_id(const std::string& project, const std::string& test_name);

// A test's log, relative to the results directory: logs/<target>/tests/<safe name>-<hash>.log.
std::filesystem::path test_log_path(const std::string& target, const std::string& test_name);

model::RunRecord test_run_record(const ProjectRun& run, const RecordInputs& in);

// Makes the targets' records comparable test by test, once all have run:
//  - a test with a result on one target and none on another that built is "missing" there (a test
//    program that failed to build during `make check` must not read as "did not run: skipped");
//  - a skip whose reason names the environment on one target only, while another target ran the
//    test, is the libc's doing: the local targets share this machine's environment. It becomes the
//    result "skip", compared like any other.
void reconcile_records(std::vector<model::RunRecord>& records, const std::string& project);

}  // namespace libcdiff::usertest
