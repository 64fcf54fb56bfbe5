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

// Returns the ids of tests whose result is the same on every side but whose output is not.
std::vector<std::string> annotate_test_comparison(model::Comparison& comparison, const AnnotateInputs& in);

}  // namespace libcdiff::usertest
