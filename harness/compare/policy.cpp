#include "compare/policy.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <stdexcept>

#include "util/error.hpp"
#include "util/iso_date.hpp"
#include "util/text.hpp"

namespace libcdiff::compare {
namespace {

using model::Acknowledgement;
using model::CaseClass;
using model::CaseComparison;

const std::vector<std::string> kFailOnValues = {"unexpected", "crash",          "risk>=high", "risk>=medium",
                                                "risk>=low",  "any-difference", "new"};

std::string risk_name(Risk risk) {
  switch (risk) {
    case Risk::high:
      return "high";
    case Risk::medium:
      return "medium";
    case Risk::low:
      return "low";
    case Risk::unrated:
      break;
  }
  return "unrated";
}

[[noreturn]] void reject_fail_on(const std::string& problem, const std::string& word) {
  const auto guess = util::closest_match(word, kFailOnValues);
  throw usage_error("--fail-on", problem,
                    (guess ? "did you mean '" + *guess + "'? " : std::string()) + "Use " +
                        util::join(kFailOnValues, ", ") + ", or several of them separated by commas");
}

// The sides a case's difference is on, as side labels: each compared side whose verdict against the
// reference is a difference, crash, timeout or error, and the reference itself when it crashed, hung
// or did not build. With no verdicts (a comparison read from an old file), every side with an outcome.
std::set<std::string> difference_sides(const model::Comparison& comparison, const CaseComparison& c) {
  const auto no_answer = [&](const std::string& label) {
    const auto it = c.outcomes.find(label);
    return it != c.outcomes.end() &&
           (it->second == model::Outcome::crash || it->second == model::Outcome::timeout ||
            it->second == model::Outcome::build_error);
  };
  std::set<std::string> sides;
  for (const auto& [label, v] : c.versus) {
    if (v.cls == CaseClass::same || v.cls == CaseClass::skipped || v.cls == CaseClass::expected_but_same ||
        v.cls == CaseClass::image_difference)
      continue;
    // A crash against the reference is on the side that crashed, which may be the reference.
    const bool death = v.cls == CaseClass::crash || v.cls == CaseClass::timeout || v.cls == CaseClass::error;
    if (!death || no_answer(label)) sides.insert(label);
  }
  if (no_answer(comparison.reference)) sides.insert(comparison.reference);
  if (sides.empty())
    for (const auto& [label, o] : c.outcomes) sides.insert(label);
  return sides;
}

// An acknowledgement's side names a side label ("musl@nightly") or a target id ("musl").
bool applies_to(const Acknowledgement& ack, const model::Comparison& comparison, const CaseComparison& c) {
  if (ack.side.empty()) return true;
  for (const auto& label : difference_sides(comparison, c)) {
    if (label == ack.side) return true;
    if (const auto* side = comparison.side(label); side != nullptr && side->id == ack.side) return true;
  }
  return false;
}

bool did_not_differ(const CaseComparison& c) {
  return (c.cls == CaseClass::same || c.cls == CaseClass::expected_but_same) && !c.failed;
}

bool has_expired(const Acknowledgement& ack, const std::string& today) {
  return ack.expires && *ack.expires < today;
}

// What `fail_on` fails the case for ("unexpected-difference", ...), acknowledgements aside.
std::optional<std::string> failure(const CaseComparison& c, const FailOn& fail_on) {
  const bool unexpected = fail_on.unexpected || fail_on.risk_at_least || fail_on.any_difference;
  const bool no_answer =
      c.cls == CaseClass::crash || c.cls == CaseClass::timeout || c.cls == CaseClass::error;
  if ((unexpected && model::is_problem(c.cls)) || (fail_on.crash && no_answer)) return to_string(c.cls);
  if (unexpected && c.failed) return "failed assertions";
  if (fail_on.risk_at_least) {
    const bool behaviour = c.cls == CaseClass::expected_difference ||
                           c.cls == CaseClass::unexpected_difference || c.cls == CaseClass::crash ||
                           c.cls == CaseClass::timeout;
    if (behaviour && risk_from_string(c.risk) >= *fail_on.risk_at_least)
      return to_string(c.cls) + " with risk " + c.risk + " (risk>=" + risk_name(*fail_on.risk_at_least) + ")";
  }
  if (fail_on.any_difference && c.cls == CaseClass::expected_difference)
    return to_string(c.cls) + " (any-difference)";
  return std::nullopt;
}

// Of the acknowledgements that apply to a case, the one that decides: those naming a side over those
// for any side, and among those an expired one first, so another entry cannot extend a deadline.
const Acknowledgement* deciding(const std::vector<const Acknowledgement*>& applicable,
                                const std::string& today) {
  std::vector<const Acknowledgement*> tier;
  for (const auto* ack : applicable)
    if (!ack->side.empty()) tier.push_back(ack);
  if (tier.empty()) tier = applicable;
  for (const auto* ack : tier)
    if (has_expired(*ack, today)) return ack;
  return tier.empty() ? nullptr : tier.front();
}

}  // namespace

Risk risk_from_string(const std::string& risk) {
  if (risk == "high") return Risk::high;
  if (risk == "medium") return Risk::medium;
  if (risk == "low") return Risk::low;
  return Risk::unrated;
}

FailOn parse_fail_on(const std::string& text) {
  FailOn out;
  out.unexpected = false;
  bool any = false;
  for (const auto& part : util::split(text, ',')) {
    const std::string word = util::trim(part);
    if (word.empty()) continue;
    any = true;
    if (word == "unexpected") {
      out.unexpected = true;
    } else if (word == "crash") {
      out.crash = true;
    } else if (word == "any-difference") {
      out.any_difference = true;
    } else if (word == "new") {
      out.only_new = true;
    } else if (word.rfind("risk>=", 0) == 0) {
      const std::string level = word.substr(6);
      const Risk risk = risk_from_string(level);
      if (risk == Risk::unrated)
        reject_fail_on("'" + level + "' is not a risk level (high, medium or low)", word);
      out.risk_at_least = std::min(out.risk_at_least.value_or(risk), risk);
    } else {
      reject_fail_on("'" + word + "' is not a policy", word);
    }
  }
  if (!any) reject_fail_on("names no policy", "");
  // "new" narrows the others; alone it means the default's cases, when they are new.
  if (out.only_new && !out.crash && !out.any_difference && !out.risk_at_least) out.unexpected = true;
  return out;
}

std::string to_string(const FailOn& fail_on) {
  std::vector<std::string> parts;
  if (fail_on.unexpected) parts.push_back("unexpected");
  if (fail_on.crash) parts.push_back("crash");
  if (fail_on.risk_at_least) parts.push_back("risk>=" + risk_name(*fail_on.risk_at_least));
  if (fail_on.any_difference) parts.push_back("any-difference");
  if (fail_on.only_new) parts.push_back("new");
  return util::join(parts, ",");
}

bool PolicyResult::fails() const {
  return std::any_of(verdicts.begin(), verdicts.end(), [](const auto& v) { return v.second.fails; });
}

PolicyResult apply_policy(const model::Comparison& comparison, const FailOn& fail_on,
                          const std::vector<Acknowledgement>& acknowledgements, const std::string& today) {
  if (!util::is_iso_date(today))
    throw std::invalid_argument("apply_policy: today is not YYYY-MM-DD: '" + today + "'");
  std::multimap<std::string, const Acknowledgement*> by_case;
  for (const auto& ack : acknowledgements) by_case.emplace(ack.case_id, &ack);

  PolicyResult result;
  for (const auto& c : comparison.cases) {
    std::vector<const Acknowledgement*> applicable;
    const auto [first, last] = by_case.equal_range(c.id);
    for (auto it = first; it != last; ++it)
      if (applies_to(*it->second, comparison, c)) applicable.push_back(it->second);

    CaseVerdict v;
    v.ack = deciding(applicable, today);
    v.ack_expired = v.ack != nullptr && has_expired(*v.ack, today);
    auto fail = failure(c, fail_on);
    // Against a baseline, `new` lets pass what was already there with the same values.
    if (fail && fail_on.only_new && (c.baseline == "unchanged" || c.baseline == "resolved")) {
      v.why = "not new since the baseline: " + *fail;
      fail.reset();
    }
    if (fail && v.ack == nullptr) {
      v.fails = true;
      v.why = "fails: " + *fail;
    } else if (fail && v.ack_expired) {
      v.fails = true;
      v.why = "acknowledgement expired on " + *v.ack->expires + " (" + v.ack->reason + ")";
      result.expired.push_back(c.id);
    } else if (fail) {
      v.why = "acknowledged: " + *fail + " (" + v.ack->reason + ")";
      result.acknowledged.push_back(c.id);
    } else if (v.ack != nullptr && did_not_differ(c)) {
      v.why = "stale acknowledgement: the case did not differ (" + v.ack->reason + ")";
      result.stale.insert(result.stale.end(), applicable.begin(), applicable.end());
    }
    result.verdicts[c.id] = v;
  }
  // In file order, so the list reads like the entries to remove.
  std::sort(result.stale.begin(), result.stale.end(), std::less<const Acknowledgement*>());
  return result;
}

}  // namespace libcdiff::compare
