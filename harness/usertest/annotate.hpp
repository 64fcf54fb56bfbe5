// What `libcdiff test` adds to the comparison of the project's tests (issue 14, items 3 and 5): for
// each test whose result or normalised output differs, the first differing lines of its logs side
// by side, and for those whose result differs, hints at the libc behaviour behind it.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/case_catalog.hpp"
#include "model/comparison.hpp"
#include "usertest/likely_causes.hpp"
#include "usertest/test_programs.hpp"

namespace libcdiff::usertest {

struct AnnotateInputs {
  std::string project;
  std::filesystem::path results_dir;  // holds the test logs (test_record.hpp's test_log_path)
  // Per side label: the target id and its build directory (for the normaliser and the programs).
  std::map<std::string, std::string> target_of;
  std::map<std::string, std::filesystem::path> build_dir_of;
  std::map<std::string, TestPrograms> programs_of;  // per side label, where the build system lists them
  std::filesystem::path source_dir;
  const model::CaseCatalog* catalog = nullptr;  // libcdiff's own cases, for the import hints
  std::string musl_version;
  std::vector<ObservedDifference> observed;
};

struct TestAnnotations {
  std::vector<std::string> output_only;         // same result on every side, different output
  std::vector<std::string> failing_everywhere;  // fail/error/crash/timeout on every side alike
};

TestAnnotations annotate_test_comparison(model::Comparison& comparison, const AnnotateInputs& in);

// The comparison's warnings for those lists (at most `shown` names each): a suite that fails on every
// target says nothing about the libc, and the reader must know before trusting "same".
void warn_about(model::Comparison& comparison, const TestAnnotations& notes, std::size_t shown = 8);

}  // namespace libcdiff::usertest
