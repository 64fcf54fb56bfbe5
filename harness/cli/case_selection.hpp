// `run --cases A.B,C.D`: only these cases run (their suites only), e.g. to re-run one difference
// while investigating it. Every id must be a case or sweep of the catalog.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/case_catalog.hpp"

namespace libcdiff::cli {

struct CaseSelection {
  std::set<std::string> cases;
  std::vector<std::string> areas;  // of `areas`, those holding a selected case, in order
};

// Throws a usage error naming an unknown id (with the closest known one) or a case whose area is not
// among `areas`.
CaseSelection select_cases(const model::CaseCatalog& catalog, const std::string& list,
                           const std::vector<std::string>& areas);

}  // namespace libcdiff::cli
