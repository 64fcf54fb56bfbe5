// Hints at why a test differs (issue 14, item 5), labelled as hints: the libcdiff cases whose APIs
// the test's program imports (read from its ELF file, as `scan` does), and the observed differences
// of a libcdiff comparison whose two values appear in the test's differing lines (e.g. musl's and
// glibc's strerror texts for one errno).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/case_catalog.hpp"

namespace libcdiff::usertest {

// One value pair a comparison observed: on the musl side `side`, on glibc `reference`.
struct ObservedDifference {
  std::string case_id;
  std::string key;
  std::string side;
  std::string reference;
};

// From a results directory of `run`: its comparison.json (cases' differing observations) and the
// sweeps' full diffs (sweeps/*.diff.tsv, fuzz cases and files over 8 MB left out). Values shorter
// than 6 characters or without a letter are dropped: they would match anywhere. Missing or
// unreadable files give what could be read.
std::vector<ObservedDifference> load_observed_differences(const std::filesystem::path& results_dir);

// "<case> (<key>): musl '<x>', glibc '<y>'" for each pair whose side value occurs in the side's lines
// and reference value in the reference's lines (at most `limit`).
std::vector<std::string> text_hints(const std::vector<std::string>& side_lines,
                                    const std::vector<std::string>& reference_lines,
                                    const std::vector<ObservedDifference>& observed, std::size_t limit = 3);

// "imports strerror, strtod: Stdio.SweepStrerror (low), ..." for the cases with a musl expectation
// (for `musl_version`) whose APIs the program imports, leaving out functions nearly every program
// imports (malloc, free, memcpy, printf...); empty when none.
std::string import_hint(const std::vector<std::string>& imports, const model::CaseCatalog& catalog,
                        const std::string& musl_version, std::size_t limit = 4);

// The ELF executables under `dir` (by path), for matching tests to their programs.
std::vector<std::filesystem::path> executables_under(const std::filesystem::path& dir);

// The program a test runs: the executable whose file name is the test's last path or name part
// ("tests/test-fnmatch" -> test-fnmatch, "ctest-junit test_parse" -> test_parse); none: empty.
std::filesystem::path program_for_test(const std::string& test_name,
                                       const std::vector<std::filesystem::path>& programs);

// The functions a program imports (unversioned names); empty for a file that cannot be read.
std::vector<std::string> imported_functions(const std::filesystem::path& program);

}  // namespace libcdiff::usertest
