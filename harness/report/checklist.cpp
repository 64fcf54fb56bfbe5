#include "report/checklist.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace libcdiff::report {
namespace {

int risk_rank(const std::string& risk) {
  if (risk == "high") return 0;
  if (risk == "medium") return 1;
  if (risk == "low") return 2;
  return 3;
}

bool is_behaviour_difference(const model::CaseComparison& k) {
  using model::CaseClass;
  return k.cls == CaseClass::expected_difference || k.cls == CaseClass::unexpected_difference ||
         k.cls == CaseClass::crash || k.cls == CaseClass::timeout || k.failed;
}

}  // namespace

Checklist migration_checklist(const model::Comparison& c) {
  Checklist list;
  for (const auto& k : c.cases) {
    if (k.cls == model::CaseClass::error) list.no_answer.push_back(&k);
    if (!is_behaviour_difference(k)) continue;
    list.items.push_back(&k);
    ++list.by_risk[k.risk.empty() ? "unrated" : k.risk];
  }
  std::stable_sort(list.items.begin(), list.items.end(), [](const auto* x, const auto* y) {
    return std::make_tuple(risk_rank(x->risk), x->area, x->id) <
           std::make_tuple(risk_rank(y->risk), y->area, y->id);
  });
  return list;
}

std::string risk_counts(const Checklist& list) {
  std::string counts;
  for (const char* risk : {"high", "medium", "low", "unrated"})
    if (const auto it = list.by_risk.find(risk); it != list.by_risk.end())
      counts += (counts.empty() ? "" : ", ") + std::to_string(it->second) + " " + risk;
  return counts;
}

std::string versus_summary(const model::Comparison& c, const model::CaseComparison& k) {
  if (k.versus.size() < 2) return "";
  std::string out;
  for (const auto& t : c.targets)
    if (const auto it = k.versus.find(t.label); it != k.versus.end())
      out += (out.empty() ? "" : " · ") + t.label + ": " + to_string(it->second.cls);
  return out;
}

std::string groups_summary(const model::CaseComparison& k) {
  std::size_t sides = 0;
  for (const auto& g : k.groups) sides += g.size();
  if (sides < 3) return "";
  std::string out;
  for (const auto& g : k.groups) {
    std::string members;
    for (const auto& label : g) members += (members.empty() ? "" : ", ") + label;
    out += (out.empty() ? "{" : " · {") + members + "}";
  }
  return out;
}

std::string case_anchor(const std::string& id) {
  std::string out = "case-";
  for (char ch : id)
    out += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-') ? ch : '_';
  return out;
}

}  // namespace libcdiff::report
