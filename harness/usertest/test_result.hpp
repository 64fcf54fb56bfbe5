// One test of the user's own project on one target (issue 14), as its test harness reported it.
// The vocabulary is the union of what CTest, automake's harness, TAP, GoogleTest and JUnit say.
#pragma once

#include <string>
#include <vector>

namespace libcdiff::usertest {

enum class TestOutcome { pass, fail, skip, xfail, xpass, error, timeout, crash };
std::string to_string(TestOutcome outcome);  // "pass", "xfail", ...
// Throws std::invalid_argument for an unknown name.
TestOutcome test_outcome_from_string(const std::string& name);

struct TestResult {
  std::string name;  // unique within the project: "ctest:test_parse", "tests/test-fnmatch"
  std::string
      source;  // which harness reported it: ctest-junit, automake-trs, tap, gtest-json, junit, exit-status
  TestOutcome outcome = TestOutcome::pass;
  std::string detail;  // skip reason, failure message, "SIGSEGV", "timeout"
  std::string log;     // the test's own output, capped
  double seconds = 0;
};

// The longest log kept per test: enough for the first differing lines, never a 1-GB runaway.
inline constexpr std::size_t kTestLogCap = 64 * 1024;
// `text` cut to `cap` bytes at a line boundary, with a line saying how much was left out.
std::string capped_log(const std::string& text, std::size_t cap = kTestLogCap);

}  // namespace libcdiff::usertest
