#include "compare/classify.hpp"

#include <algorithm>
#include <set>

#include "util/text.hpp"

namespace libcdiff::compare {
namespace {

using model::CaseClass;
using model::Outcome;

// The key under which a pass/fail difference is reported: a case that passes on one libc and fails
// its own assertions on the other differs in behaviour even when its observations agree.
constexpr const char* kOutcomeKey = "(outcome)";

std::vector<std::string> differing_keys(const model::CaseResult& a, const model::CaseResult& b) {
  std::set<std::string> keys;
  for (const auto& [k, v] : a.observations) keys.insert(k);
  for (const auto& [k, v] : b.observations) keys.insert(k);
  std::vector<std::string> out;
  for (const auto& k : keys) {
    const auto x = a.observations.find(k);
    const auto y = b.observations.find(k);
    if (x == a.observations.end() || y == b.observations.end() || x->second != y->second) out.push_back(k);
  }
  if (a.outcome != b.outcome) out.push_back(kOutcomeKey);
  return out;
}

struct ExpectedKeys {
  bool any = false;  // an applicable expectation without key list
  std::set<std::string> keys;
  std::vector<std::string> why;
  bool empty() const { return !any && keys.empty(); }
  bool covers(const std::string& key) const { return key != kOutcomeKey && (any || keys.count(key) > 0); }
};

// A difference is expected where exactly one of the two targets falls under an expectation.
ExpectedKeys expected_keys(const model::CaseMeta* meta, const Side& a, const Side& b) {
  ExpectedKeys expected;
  if (meta == nullptr) return expected;
  for (const auto& e : meta->expectations) {
    const bool in_a = e.applies_to(a.libc_family, a.libc_version, a.compiler, a.cxx_library);
    const bool in_b = e.applies_to(b.libc_family, b.libc_version, b.compiler, b.cxx_library);
    if (in_a == in_b) continue;
    if (e.keys.empty()) expected.any = true;
    expected.keys.insert(e.keys.begin(), e.keys.end());
    if (!e.why.empty()) expected.why.push_back(e.why);
  }
  return expected;
}

void fill_side(model::CaseComparison& out, const Side& side) {
  if (side.result == nullptr) return;
  out.outcomes[side.label] = side.result->outcome;
  out.observations[side.label] = side.result->observations;
  out.seconds[side.label] = side.result->seconds;
  if (!side.result->message.empty()) out.messages[side.label] = side.result->message;
}

std::string outcome_reason(const Side& a, const Side& b, Outcome outcome) {
  std::vector<std::string> parts;
  for (const Side* s : {&a, &b})
    if (s->result != nullptr && s->result->outcome == outcome)
      parts.push_back(s->label + ": " +
                      (s->result->message.empty() ? to_string(outcome) : s->result->message));
  return util::join(parts, "; ");
}

std::vector<std::string> sorted_union(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  return a;
}

}  // namespace

model::SideVerdict classify_pair(const model::CaseMeta* meta, const Side& a, const Side& b) {
  model::SideVerdict out;
  // A case missing on one side could not be compared at all: say which side.
  for (const Side* s : {&a, &b}) {
    if (s->result == nullptr) {
      out.cls = CaseClass::skipped;
      out.reason = "did not run on " + s->label;
      return out;
    }
  }
  const auto any_outcome = [&](Outcome o) { return a.result->outcome == o || b.result->outcome == o; };
  if (any_outcome(Outcome::crash)) {
    out.cls = CaseClass::crash;
    out.reason = outcome_reason(a, b, Outcome::crash);
    return out;
  }
  if (any_outcome(Outcome::timeout)) {
    out.cls = CaseClass::timeout;
    out.reason = outcome_reason(a, b, Outcome::timeout);
    return out;
  }
  if (any_outcome(Outcome::build_error)) {
    out.cls = CaseClass::error;
    out.reason = "no answer: " + outcome_reason(a, b, Outcome::build_error);
    return out;
  }
  if (any_outcome(Outcome::skip)) {
    out.cls = CaseClass::skipped;
    out.reason = outcome_reason(a, b, Outcome::skip);
    return out;
  }

  out.differing_keys = differing_keys(*a.result, *b.result);
  const ExpectedKeys expected = expected_keys(meta, a, b);
  for (const auto& key : out.differing_keys)
    if (!expected.covers(key)) out.unexpected_keys.push_back(key);

  if (out.differing_keys.empty()) {
    out.cls = expected.empty() ? CaseClass::same : CaseClass::expected_but_same;
    if (!expected.empty()) out.reason = "expected to differ: " + util::join(expected.why, "; ");
  } else if (out.unexpected_keys.empty()) {
    out.cls = CaseClass::expected_difference;
    out.reason = util::join(expected.why, "; ");
  } else {
    out.cls = CaseClass::unexpected_difference;
    out.reason = "no expectation covers: " + util::join(out.unexpected_keys, ", ");
  }
  return out;
}

model::CaseComparison classify_case(const std::string& id, const model::CaseMeta* meta,
                                    const std::vector<Side>& sides, std::size_t reference) {
  model::CaseComparison out;
  out.id = id;
  if (meta != nullptr) {
    out.area = meta->area;
    out.title = meta->title;
    out.breaks = meta->breaks;
    out.risk = meta->risk;
    out.references = meta->references;
    out.note = meta->note;
    out.fix = meta->fix;
    out.apis = meta->apis;
  }
  for (const auto& s : sides)
    if (out.area.empty() && s.result != nullptr) out.area = s.result->area;
  for (const auto& s : sides) {
    fill_side(out, s);
    if (s.result != nullptr && s.result->outcome == Outcome::fail) out.failed = true;
  }

  // Sides with identical outcome and observations form one group (first appearance order).
  for (const auto& s : sides) {
    if (s.result == nullptr) continue;
    bool placed = false;
    for (auto& group : out.groups) {
      const auto& first = out.observations.at(group.front());
      if (out.outcomes.at(group.front()) == s.result->outcome && first == s.result->observations) {
        group.push_back(s.label);
        placed = true;
        break;
      }
    }
    if (!placed) out.groups.push_back({s.label});
  }

  std::vector<std::string> labels;
  for (std::size_t i = 0; i < sides.size(); ++i) {
    labels.push_back(sides[i].label);
    if (i == reference) continue;
    auto verdict = classify_pair(meta, sides[i], sides[reference]);
    out.differing_keys = sorted_union(out.differing_keys, verdict.differing_keys);
    out.unexpected_keys = sorted_union(out.unexpected_keys, verdict.unexpected_keys);
    out.versus[sides[i].label] = std::move(verdict);
  }
  settle_case_class(out, labels, reference);
  return out;
}

void settle_case_class(model::CaseComparison& out, const std::vector<std::string>& labels,
                       std::size_t reference) {
  const model::SideVerdict* worst = nullptr;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i == reference) continue;
    const auto& v = out.versus.at(labels[i]);
    if (worst == nullptr || model::severity_rank(v.cls) < model::severity_rank(worst->cls)) worst = &v;
  }
  if (worst == nullptr) return;  // a single side: nothing to compare against
  out.cls = worst->cls;
  if (out.versus.size() == 1) {
    out.reason = worst->reason;
    return;
  }
  // Several sides: the reason names each side that shares the worst class.
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i == reference) continue;
    const auto& v = out.versus.at(labels[i]);
    if (v.cls != out.cls || v.reason.empty()) continue;
    // Outcome reasons already name their side ("musl: SIGSEGV").
    parts.push_back(v.reason.starts_with(labels[i] + ": ") ? v.reason : labels[i] + ": " + v.reason);
  }
  out.reason = util::join(parts, " | ");
}

model::CaseComparison classify_case(const std::string& id, const model::CaseMeta* meta, const Side& a,
                                    const Side& b) {
  return classify_case(id, meta, std::vector<Side>{a, b}, 1);
}

}  // namespace libcdiff::compare
