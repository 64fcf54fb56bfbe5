#include "model/comparison.hpp"

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
  for (const auto& c : cases)
    if (is_problem(c.cls) || c.failed) return true;
  return false;
}

}  // namespace libcdiff::model
