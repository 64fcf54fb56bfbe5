// The migration checklist that leads every report (issue 10): each difference a team must handle,
// ranked by risk, then area, with what breaks, where to look in their code (the libc functions the
// case exercises), the fix and the evidence. Computed here once; Markdown and HTML render the same.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/comparison.hpp"

namespace libcdiff::report {

struct Checklist {
  std::vector<const model::CaseComparison*> items;      // ranked: risk high, medium, low, unknown; area; id
  std::map<std::string, int> by_risk;                   // "high" -> n, ...
  std::vector<const model::CaseComparison*> no_answer;  // class error: nothing is known about these
};

// The cases that differ in behaviour between the compared libcs: expected and unexpected
// differences, crashes and timeouts. Image differences are the image's, not the libc's, and skips
// and errors have no observed behaviour; errors are listed apart so they are not overlooked.
// The checklist points into `c`: keep `c` alive while using it.
Checklist migration_checklist(const model::Comparison& c);

// "18 high, 42 medium, 29 low": the checklist's counts by risk, highest first.
std::string risk_counts(const Checklist& list);

// With more than one compared side: "musl: expected-difference · musl-1.2.3: same", in side order;
// with one, "" (the case's own class says it all).
std::string versus_summary(const model::Comparison& c, const model::CaseComparison& k);

// With more than two sides: "{musl, musl-1.2.3} · {glibc, glibc-gcc}", the sides that observed the
// same; "" otherwise.
std::string groups_summary(const model::CaseComparison& k);

// The anchor of a case's details in both renderers ("case-Threads.DefaultStackSize").
std::string case_anchor(const std::string& id);

}  // namespace libcdiff::report
