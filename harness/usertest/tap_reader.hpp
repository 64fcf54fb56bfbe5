// The Test Anything Protocol (testanything.org, versions 12 and 13) as test programs print it: one
// result per "ok"/"not ok" line, SKIP and TODO directives, the plan, "Bail out!". Automake's TAP
// driver, meson and many projects' own runners (libuv's, for one) speak it.
#pragma once

#include <string>
#include <vector>

#include "usertest/test_result.hpp"

namespace libcdiff::usertest {

// Each test point becomes a result named `prefix` + its description (or its number when it has
// none, or the description repeats). Lines after a point (diagnostics, YAML blocks, the program's
// own output) are that point's log. A plan the points do not meet, and a bail-out, become an
// `error` result ("<prefix>(plan)", "<prefix>(bail out)") so a test run cut short never reads as
// passed. `1..0 # SKIP why` is one skipped result "<prefix>(all)".
std::vector<TestResult> parse_tap(const std::string& text, const std::string& prefix = "");

// True when the text holds at least one TAP test point or plan (to tell TAP output from other text).
bool looks_like_tap(const std::string& text);

}  // namespace libcdiff::usertest
