// Automake's parallel test harness (the `test-driver` and `tap-driver.sh` of `make check`): every
// test leaves `<test>.trs` (":test-result: PASS" lines, ":global-test-result:") and `<test>.log`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "usertest/test_result.hpp"

namespace libcdiff::usertest {

// One `.trs` file and its `.log` text. A TAP test (several results in one .trs, a TAP log) gives a
// result per test point, "<name>: <point>"; any other test gives one result, its global result.
// A skipped test's reason is the log's last line before the driver's own trailer line.
std::vector<TestResult> parse_trs(const std::string& name, const std::string& trs_text,
                                  const std::string& log_text);

// Every `.trs` under `build_dir` (names are paths relative to it, without ".trs"), sorted by name.
std::vector<TestResult> read_trs_tree(const std::filesystem::path& build_dir);

}  // namespace libcdiff::usertest
