// What in a binary will behave differently (issue 13, item 4): its imported libc functions joined
// with the functions each case exercises (cases.toml `apis`) and with what a comparison observed for
// those cases. Heuristics, where an import pattern rather than one function is the risk, are
// labelled as such.
#pragma once

#include <string>
#include <vector>

#include "model/case_catalog.hpp"
#include "model/comparison.hpp"

namespace libcdiff::scan {

struct ScanRisk {
  std::vector<std::string> apis;  // the binary's imports that lead here ("getaddrinfo")
  std::string case_id;
  std::string risk;  // high | medium | low | "" (unrated)
  std::string title;
  std::string breaks;
  std::string fix;
  // From the comparison: the class on the compared side ("expected-difference"), or "not compared"
  // when no comparison holds the case; and "key: musl X, glibc Y" for up to three differing keys.
  std::string cls;
  std::string observed;
  bool heuristic = false;  // a pattern of imports, not one function, suggests this risk
  std::string why;         // for heuristics: the pattern ("pthread_create without pthread_attr_setstacksize")
};

struct RiskInputs {
  const model::CaseCatalog* catalog = nullptr;
  // A comparison to take observed values and classes from (may be null), and the side whose
  // behaviour the binary will meet (e.g. "musl"); empty = the first side that is not the reference.
  const model::Comparison* comparison = nullptr;
  std::string side;
  // The target musl's version ("1.2.5"): without a comparison, a case counts when one of its musl
  // expectations covers this version. Empty: any musl expectation counts.
  std::string musl_version;
};

// Imports are names without versions ("getaddrinfo", not "getaddrinfo@GLIBC_2.2.5"). Only cases
// that differ are returned: with a comparison, its class on `side` is a difference, crash or
// timeout; without one, the case has an expectation for musl. Ranked by risk, then case id.
std::vector<ScanRisk> risks_for(const std::vector<std::string>& imports, const RiskInputs& inputs);

}  // namespace libcdiff::scan
