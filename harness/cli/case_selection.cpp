#include "cli/case_selection.hpp"

#include <algorithm>

#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::cli {

CaseSelection select_cases(const model::CaseCatalog& catalog, const std::string& list,
                           const std::vector<std::string>& areas) {
  CaseSelection out;
  std::set<std::string> used;
  for (const auto& raw : util::split(list, ',')) {
    const std::string id = util::trim(raw);
    if (id.empty()) continue;
    const auto* meta = catalog.find(id);
    if (meta == nullptr) {
      std::vector<std::string> known;
      for (const auto& [k, v] : catalog.cases) known.push_back(k);
      const auto guess = util::closest_match(id, known);
      throw usage_error(
          "--cases " + id, "is not a case or sweep",
          (guess ? "did you mean '" + *guess + "'? " : std::string()) + "'libcdiff list cases' lists them");
    }
    if (std::find(areas.begin(), areas.end(), meta->area) == areas.end())
      throw usage_error("--cases " + id, "is in area " + meta->area + ", which --areas leaves out",
                        "add " + meta->area + " to --areas, or leave --areas out");
    out.cases.insert(id);
    used.insert(meta->area);
  }
  if (out.cases.empty())
    throw usage_error("--cases", "names no case", "pass e.g. --cases Locale.WcwidthSamples");
  for (const auto& a : areas)
    if (used.count(a)) out.areas.push_back(a);
  return out;
}

}  // namespace libcdiff::cli
