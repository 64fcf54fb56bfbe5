// `libcdiff test PATH` (issue 14): the user's own project built and tested once per target, its tests
// compared one by one, through the same results layout, report, junit.xml and CI policy as `run`.
#pragma once

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "run/compare_and_report.hpp"

namespace libcdiff::cli {

struct TestOptions {
  std::string path;                    // the project's source tree (never written)
  std::string targets = "musl,glibc";  // local targets
  std::string build;                   // cmake | meson | autotools | make; "" = detect
  std::string build_command;           // --build-cmd: the user's own build, run in a copy of the tree
  std::string test_command;            // --test-cmd: replaces the build system's test step
  std::string configure_args;          // appended to the configure step
  std::vector<std::string> env;        // NAME=VALUE for the build and the tests
  std::string name;                    // the project's name in ids; "" = the directory's name
  std::string output_dir;              // "" = results/tests/<time>_<name>
  std::string comparison;            // a `run` results directory for hints; "" = results/runs/latest; "none"
  int test_timeout_seconds = 300;    // per test (CTest, Meson)
  int suite_timeout_seconds = 3600;  // the whole test step, and each build step
  int jobs = 2;
  bool bare = false;  // hide the glibc locales from the tests
  bool force = false;
  run::ComparisonChoices choices;
};

// 0: no test differs beyond the policy; 1: the policy fails (a test's result differs, or a target
// did not build); 2: bad input; 3: a target is not set up; 130: interrupted (finished targets kept).
int test_command(Context& ctx, const TestOptions& options);

}  // namespace libcdiff::cli
