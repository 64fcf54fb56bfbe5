// What the machine offered the user's tests (issue 14, item 4): test suites skip or change what they
// check when a locale or a tool such as valgrind is (or is not) present, so that belongs in the result,
// and a skip for such a reason is labelled "environment", never read as a libc difference.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "exec/process_runner.hpp"

namespace libcdiff::usertest {

struct TestEnvironment {
  bool bare = false;                 // --bare: the glibc locales hidden from the tests
  std::vector<std::string> locales;  // what setlocale() can select in the tests' environment
  // Tools test suites look for: "valgrind" -> "valgrind-3.19.0", or "absent".
  std::map<std::string, std::string> tools;
};

// Reads the locales and tools. With `bare`, `locales_hidden_by` is the empty LOCPATH directory the
// tests get, and the locales are read through it.
// `environment` is what the tests inherit (libcdiff's own).
TestEnvironment read_test_environment(exec::ProcessRunner& runner,
                                      const std::map<std::string, std::string>& environment,
                                      const std::filesystem::path& scratch, bool bare,
                                      const std::filesystem::path& locales_hidden_by);

// The variables that make a run --bare: glibc reads locales only from LOCPATH when it is set, so an
// empty directory leaves C and POSIX (musl needs no locale files for its own).
std::map<std::string, std::string> bare_variables(const std::filesystem::path& empty_locale_dir);

// "locale" / "valgrind" / "network" / ... when a skip reason names something the environment lacks;
// "" when it does not (the skip may be the libc's doing and is compared as a result).
std::string environment_reason(const std::string& skip_reason);

// For the record's provenance: "locales" -> "C, C.utf8, de_DE.utf8, ..."; "tool.valgrind" -> version.
std::map<std::string, std::string> describe(const TestEnvironment& env);

}  // namespace libcdiff::usertest
