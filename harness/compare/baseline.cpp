#include "compare/baseline.hpp"

#include <map>

#include "history/history_db.hpp"
#include "history/history_report.hpp"

namespace libcdiff::compare {
namespace {

int rank(const std::string& status) {
  if (status == "new") return 3;
  if (status == "changed") return 2;
  if (status == "resolved") return 1;
  return 0;
}

}  // namespace

void compare_with_baseline(model::Comparison& comparison, const model::Comparison& baseline,
                           const std::string& description) {
  comparison.baseline = description;
  std::map<std::string, std::string> baseline_side;  // slot -> label in the baseline
  for (const auto& t : baseline.targets)
    if (t.label != baseline.reference) baseline_side[history::slot_of(baseline, t.label)] = t.label;
  std::map<std::string, const model::CaseComparison*> then;
  for (const auto& c : baseline.cases) then[c.id] = &c;
  for (auto& c : comparison.cases) {
    std::string worst = "unchanged";
    for (const auto& [label, verdict] : c.versus) {
      const bool differs_now = history::differs(model::to_string(verdict.cls));
      const auto side = baseline_side.find(history::slot_of(comparison, label));
      const auto old = then.find(c.id);
      const model::SideVerdict* old_verdict = nullptr;
      if (side != baseline_side.end() && old != then.end())
        if (const auto it = old->second->versus.find(side->second); it != old->second->versus.end())
          old_verdict = &it->second;
      const bool differed = old_verdict != nullptr && history::differs(model::to_string(old_verdict->cls));
      std::string status = "unchanged";
      if (differs_now && !differed)
        status = "new";
      else if (!differs_now && differed)
        status = "resolved";
      else if (differs_now && history::case_fingerprint(c, label, comparison.reference) !=
                                  history::case_fingerprint(*old->second, side->second, baseline.reference))
        status = "changed";
      if (rank(status) > rank(worst)) worst = status;
    }
    c.baseline = worst;
  }
}

}  // namespace libcdiff::compare
