// Sweep cases in a comparison (issue 12): each side's table diffed against the reference side's with
// the sweep's expectations (sweep/sweep_diff.hpp), the verdict taken from the keys no expectation
// covers. A table that is missing or changed since its run is an error, never "same".
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/comparison.hpp"
#include "model/run_record.hpp"
#include "sweep/sweep_catalog.hpp"

namespace libcdiff::compare {

struct SweepCompareSetup {
  const sweep::SweepMeta* meta = nullptr;
  const std::vector<model::RunRecord>* records = nullptr;
  const std::vector<std::string>* labels = nullptr;
  std::size_t reference = 0;
  // Where the full diffs go (<dir>/<case>.<side>.diff.tsv); empty: not written. `full_diff` in the
  // summary is relative to `diff_base` (the comparison's directory).
  std::filesystem::path diff_dir;
  std::filesystem::path diff_base;
};

// A compared side as the sweep expectations see it (libc, version, toolchain), from its run record.
sweep::SideIdentity sweep_side_identity(const model::RunRecord& record);

// Fills c.versus[side].sweep and re-decides each side's and the case's class. Sides on which the
// case did not pass keep the class classify_case gave them (skip, crash, ...).
void compare_sweep(model::CaseComparison& c, const SweepCompareSetup& setup);

}  // namespace libcdiff::compare
