// Which program each test runs, as the build system lists it: `ctest --show-only=json-v1` and
// `meson introspect --tests`. The likely-cause hints read a test's imports from that program; a test
// name rarely equals its program's file name (CTest's "strerror_text" runs "t1").
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace libcdiff::usertest {

using TestPrograms = std::map<std::string, std::filesystem::path>;  // test name -> program

// Tests whose command's first word is not a file are left out (a shell builtin, a missing program).
// Text that is not the expected JSON gives an empty map: hints are optional, never a failure.
TestPrograms parse_ctest_show_only(const std::string& json_text);
TestPrograms parse_meson_introspect_tests(const std::string& json_text);

// The program of `test_name`: the exact name, else an entry whose name ends the test's name after a
// '.' or ':' (Meson's JUnit names are "<suite>.<test>"); empty when none.
std::filesystem::path find_program(const TestPrograms& programs, const std::string& test_name);

}  // namespace libcdiff::usertest
