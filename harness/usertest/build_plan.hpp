// How `libcdiff test` builds and tests a project (issue 14): the build system detected from the
// source tree (or named by the user), turned into shell steps that never write into the source tree.
// CMake and Meson build out of tree; autotools and plain Makefiles build in a copy of the tree,
// because configure scripts, autoreconf and in-tree Makefiles write beside the sources.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace libcdiff::usertest {

enum class BuildKind { cmake, meson, autotools, make, custom };
std::string to_string(BuildKind kind);
// "cmake", "meson", "autotools", "make"; throws Fatal (exit 2) naming --build otherwise.
BuildKind build_kind_from_string(const std::string& name);

// Throws Fatal (exit 2) when the tree has none of CMakeLists.txt, meson.build, configure(.ac),
// Makefile: the user must say how with --build-cmd.
BuildKind detect_build_kind(const std::filesystem::path& source_dir);

struct BuildStep {
  std::string name;     // "configure", "build", "test"
  std::string command;  // for `bash -c`
  std::filesystem::path working_dir;
};

struct BuildPlanInput {
  std::filesystem::path source_dir;  // the user's tree: read, never written
  std::filesystem::path work_dir;    // this target's own directory under the results
  BuildKind kind = BuildKind::cmake;
  std::string build_command;  // --build-cmd (kind custom): run in the build dir
  std::string test_command;   // --test-cmd: replaces the build system's own test step
  int jobs = 2;
  int test_timeout_seconds = 300;  // per test where the harness takes one (CTest, Meson)
  std::string configure_args;      // --configure-args: appended to cmake / meson setup / ./configure
};

struct BuildPlan {
  BuildKind kind = BuildKind::cmake;
  // Where the build happens: <work>/build (out of tree) or <work>/src (the copy).
  std::filesystem::path build_dir;
  std::vector<BuildStep> build;  // copy/configure/build
  BuildStep test;
  // Files the test step leaves that hold per-test results (JUnit of CTest or Meson); empty: none.
  std::filesystem::path junit_file;
  std::string junit_source;  // "ctest-junit", "meson-junit"
  // Prints the tests and their programs as JSON (test_programs.hpp), "" when the build system has no
  // such listing; `list_format` is "ctest" or "meson".
  BuildStep list_tests;
  std::string list_format;
  // Where GoogleTest programs write their JSON (GTEST_OUTPUT=json:<dir>/).
  std::filesystem::path gtest_output_dir;
};

BuildPlan make_build_plan(const BuildPlanInput& input);

}  // namespace libcdiff::usertest
