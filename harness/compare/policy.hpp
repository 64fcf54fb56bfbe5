// The CI policy (`--fail-on`): which cases of a comparison make libcdiff exit 1, after the user's
// acknowledgements (model::Acknowledgement) are applied. Pure: the date is passed in.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/acknowledgement.hpp"
#include "model/comparison.hpp"

namespace libcdiff::compare {

// A case's risk from cases.toml, ordered. A case without one (no cases.toml entry) is unrated: below low.
enum class Risk { unrated, low, medium, high };
Risk risk_from_string(const std::string& risk);  // "high" -> Risk::high; anything else -> unrated

// The rules a run fails on; a case fails when any requested rule fails it. FailOn{} is the default.
struct FailOn {
  // unexpected: the classes model::is_problem names (unexpected difference, crash, timeout, error) and
  // cases whose assertions failed.
  bool unexpected = true;
  // crash: only crash, timeout and error.
  bool crash = false;
  // risk>=LEVEL: any behaviour difference (expected or unexpected difference, crash, timeout) of a case
  // rated LEVEL or higher, plus everything `unexpected` fails on.
  std::optional<Risk> risk_at_least;
  // any-difference: every class but same, skipped, image-difference and expected-but-same, plus
  // everything `unexpected` fails on (errors and failed assertions).
  bool any_difference = false;
  // new: of what the other rules fail, only the cases that are new or changed against --baseline
  // (model::CaseComparison::baseline); without a baseline it changes nothing.
  bool only_new = false;
};

// "unexpected", "crash", "risk>=high|medium|low", "any-difference", or a comma list of them (their
// union). Throws Fatal (exit 2) naming --fail-on and the values it accepts.
FailOn parse_fail_on(const std::string& text);
// The canonical spelling: "unexpected,risk>=high".
std::string to_string(const FailOn& fail_on);

struct CaseVerdict {
  bool fails = false;
  // "fails: unexpected-difference", "fails: expected-difference with risk high (risk>=medium)",
  // "acknowledged: crash (<reason>)", "acknowledgement expired on 2027-03-01 (<reason>)",
  // "stale acknowledgement: the case did not differ (<reason>)"; empty when the policy has nothing to say.
  std::string why;
  const model::Acknowledgement* ack = nullptr;  // the acknowledgement that applies, if any
  bool ack_expired = false;                     // `ack` expired before today
};

// Pointers refer to the acknowledgements passed to apply_policy, which must outlive the result.
struct PolicyResult {
  std::map<std::string, CaseVerdict> verdicts;  // every case of the comparison, by id
  std::vector<std::string> acknowledged;  // cases the policy would fail that an acknowledgement lets pass
  std::vector<std::string> expired;       // cases that fail because their acknowledgement expired
  // Acknowledgements whose case ran on their side and did not differ at all: nothing to accept any more.
  std::vector<const model::Acknowledgement*> stale;

  bool fails() const;  // exit 1
};

// Applies `fail_on` to every case, then the acknowledgements: a valid one lets a failing case pass; one
// whose `expires` is before `today` ("YYYY-MM-DD"; the expiry day itself still counts) protects
// nothing and fails the case itself. Where several apply to a case, those naming a side win over those
// for any side; among those, an expired one wins (a deadline is not extended by another entry).
// Throws std::invalid_argument when `today` is not a calendar date YYYY-MM-DD.
PolicyResult apply_policy(const model::Comparison& comparison, const FailOn& fail_on,
                          const std::vector<model::Acknowledgement>& acknowledgements,
                          const std::string& today);

}  // namespace libcdiff::compare
