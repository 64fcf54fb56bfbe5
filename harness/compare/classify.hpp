// Classifies one case across two targets (DESIGN §4): compares observations key by key and checks
// the differences against the case's expectations for each target's libc and version.
#pragma once

#include <optional>

#include "model/case_catalog.hpp"
#include "model/comparison.hpp"
#include "model/run_record.hpp"

namespace libcdiff::compare {

struct Side {
  std::string target;  // target id
  std::string libc_family;
  std::string libc_version;
  const model::CaseResult* result = nullptr;  // null: the case did not run on this target
};

// meta may be null for a case that has no entry in cases.toml (it is then never expected to differ).
model::CaseComparison classify_case(const std::string& id, const model::CaseMeta* meta, const Side& a,
                                    const Side& b);

}  // namespace libcdiff::compare
