// Classifies one case across its sides (DESIGN §4): each side against the reference side, key by
// key, checked against the case's expectations for each side's libc and version.
#pragma once

#include <optional>

#include "model/case_catalog.hpp"
#include "model/comparison.hpp"
#include "model/run_record.hpp"

namespace libcdiff::compare {

struct Side {
  std::string label;  // unique side label (the key of the comparison's per-side maps)
  std::string libc_family;
  std::string libc_version;
  const model::CaseResult* result = nullptr;
  std::string compiler;     // provenance: for expectations that name a toolchain
  std::string cxx_library;  // null: the case did not run on this target
};

// One side against the reference. meta may be null for a case that has no entry in cases.toml (it
// is then never expected to differ).
model::SideVerdict classify_pair(const model::CaseMeta* meta, const Side& side, const Side& reference);

// Every side but sides[reference] against it; the case takes its worst side's verdict, and the sides
// are grouped by identical outcome and observations.
model::CaseComparison classify_case(const std::string& id, const model::CaseMeta* meta,
                                    const std::vector<Side>& sides, std::size_t reference);

// Two sides, b the reference.
model::CaseComparison classify_case(const std::string& id, const model::CaseMeta* meta, const Side& a,
                                    const Side& b);

// The case's class and reason from its sides' verdicts (versus): the worst side decides, and with
// several sides the reason names each side that shares the worst class. `labels` in side order.
void settle_case_class(model::CaseComparison& c, const std::vector<std::string>& labels,
                       std::size_t reference);

}  // namespace libcdiff::compare
