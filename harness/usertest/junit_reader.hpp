// JUnit XML as test runners write it: CTest (`ctest --output-junit`), Meson (testlog.junit.xml),
// pytest, and any runner that follows the Ant/Jenkins schema: testsuites > testsuite > testcase with
// failure, error and skipped children and the test's output in system-out/system-err.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "usertest/test_result.hpp"

namespace libcdiff::usertest {

// Each testcase becomes a result named "<classname>.<name>" (just <name> when the classname is empty,
// equals the name, or already begins it) with `source`. A failure whose message names a timeout or
// a signal (CTest: "Timeout", "SEGFAULT", "Child aborted", "Exception") is a timeout or a crash.
// Throws libcdiff::Fatal (exit 2) naming `origin` for text that is not XML or not JUnit.
std::vector<TestResult> parse_junit(const std::string& xml, const std::string& source,
                                    const std::string& origin);

std::vector<TestResult> read_junit_file(const std::filesystem::path& file, const std::string& source);

}  // namespace libcdiff::usertest
