#include "model/comparison.hpp"

#include <stdexcept>

namespace libcdiff::model {

std::string to_string(CaseClass c) {
  switch (c) {
    case CaseClass::same:
      return "same";
    case CaseClass::expected_difference:
      return "expected-difference";
    case CaseClass::unexpected_difference:
      return "unexpected-difference";
    case CaseClass::expected_but_same:
      return "expected-but-same";
    case CaseClass::crash:
      return "crash";
    case CaseClass::timeout:
      return "timeout";
    case CaseClass::skipped:
      return "skipped";
    case CaseClass::image_difference:
      return "image-difference";
    case CaseClass::error:
      return "error";
  }
  return "unknown";
}

std::vector<CaseClass> all_case_classes() {
  return {CaseClass::error,
          CaseClass::unexpected_difference,
          CaseClass::crash,
          CaseClass::timeout,
          CaseClass::expected_but_same,
          CaseClass::expected_difference,
          CaseClass::same,
          CaseClass::skipped,
          CaseClass::image_difference};
}

bool is_problem(CaseClass c) {
  return c == CaseClass::error || c == CaseClass::unexpected_difference || c == CaseClass::crash ||
         c == CaseClass::timeout;
}

int severity_rank(CaseClass c) {
  switch (c) {
    case CaseClass::error:
      return 0;
    case CaseClass::unexpected_difference:
      return 1;
    case CaseClass::crash:
      return 2;
    case CaseClass::timeout:
      return 3;
    case CaseClass::expected_but_same:
      return 4;
    case CaseClass::expected_difference:
      return 5;
    case CaseClass::image_difference:
      return 6;
    case CaseClass::skipped:
      return 7;
    case CaseClass::same:
      return 8;
  }
  return 9;
}

CaseClass case_class_from_string(const std::string& name) {
  for (CaseClass c : all_case_classes())
    if (to_string(c) == name) return c;
  throw std::invalid_argument("unknown case class '" + name + "'");
}

const TargetSummary* Comparison::side(const std::string& label) const {
  for (const auto& t : targets)
    if (t.label == label) return &t;
  return nullptr;
}

const AreaText* Comparison::area_text(const std::string& area) const {
  for (const auto& a : areas)
    if (a.area == area) return &a;
  return nullptr;
}

std::vector<const TargetSummary*> Comparison::compared_sides() const {
  std::vector<const TargetSummary*> out;
  for (const auto& t : targets)
    if (t.label != reference) out.push_back(&t);
  return out;
}

bool Comparison::has_benchmarks() const {
  for (const auto& b : bench)
    if (b.present) return true;
  return false;
}

std::map<CaseClass, int> Comparison::counts() const {
  std::map<CaseClass, int> counts;
  for (CaseClass c : all_case_classes()) counts[c] = 0;
  for (const auto& c : cases) ++counts[c.cls];
  return counts;
}

int Comparison::failed_count() const {
  int n = 0;
  for (const auto& c : cases) n += c.failed ? 1 : 0;
  return n;
}

bool Comparison::has_unexpected() const {
  if (!policy.empty()) {
    for (const auto& c : cases)
      if (!c.policy_failure.empty()) return true;
    return false;
  }
  for (const auto& c : cases)
    if (is_problem(c.cls) || c.failed) return true;
  return false;
}

}  // namespace libcdiff::model
