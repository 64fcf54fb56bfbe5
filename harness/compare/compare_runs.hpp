// Compares run records (the sides) case by case into one Comparison (compute only; report/ renders).
// Every side is classified against one reference side; sides are labelled uniquely, so a target
// compared with an earlier run of itself keeps both runs apart everywhere.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "model/case_catalog.hpp"
#include "model/comparison.hpp"
#include "model/run_record.hpp"

namespace libcdiff::compare {

struct CompareSetup {
  // One per record, or empty: a record's own label, else its target id, made unique with the run's
  // start time ("musl@20261126T163958Z") and, if still equal, a counter.
  std::vector<std::string> labels;
  // A side label or target id (it must name exactly one side); empty: the first glibc side, else
  // the last side.
  std::string reference;
  // Where sweep cases' full diffs are written (<dir>/<case>.<side>.diff.tsv), and the directory
  // their paths in the comparison are relative to; empty: no full diffs.
  std::filesystem::path sweep_diff_dir;
  std::filesystem::path output_dir;
};

// Throws usage errors for a reference that names no side or several, and for duplicate labels.
model::Comparison compare_runs(const std::vector<model::RunRecord>& records, const CompareSetup& setup,
                               const model::CaseCatalog& catalog, const std::string& generated_at);

// Two sides with the default reference rule.
model::Comparison compare_runs(const model::RunRecord& a, const model::RunRecord& b,
                               const model::CaseCatalog& catalog, const std::string& generated_at);

// The unique labels compare_runs gives these records.
std::vector<std::string> side_labels(const std::vector<model::RunRecord>& records,
                                     const std::vector<std::string>& requested);

}  // namespace libcdiff::compare
