#include "model/case_catalog.hpp"

#include <algorithm>

namespace libcdiff::model {

bool Expectation::applies_to(const std::string& family, const std::string& version,
                             const std::string& compiler, const std::string& cxx_library) const {
  if (family != libc) return false;
  if (!toolchain.empty() && !compiler.starts_with(toolchain) && !cxx_library.starts_with(toolchain))
    return false;
  // An unknown version cannot be placed in a bounded range; "*" still applies.
  if (version.empty()) return versions.contains("0") && versions.contains("999999");
  return versions.contains(version);
}

const CaseMeta* CaseCatalog::find(const std::string& id) const {
  const auto it = cases.find(id);
  return it == cases.end() ? nullptr : &it->second;
}

const AreaMeta* CaseCatalog::find_area(const std::string& area) const {
  for (const auto& a : areas)
    if (a.area == area) return &a;
  return nullptr;
}

std::vector<std::string> CaseCatalog::area_names() const {
  std::vector<std::string> names;
  for (const auto& a : areas) names.push_back(a.area);
  return names;
}

const ImageDifference* CaseCatalog::find_image_difference(const std::string& target,
                                                          const std::string& case_id) const {
  for (const auto& d : image_differences)
    if (d.target == target && std::find(d.cases.begin(), d.cases.end(), case_id) != d.cases.end()) return &d;
  return nullptr;
}

}  // namespace libcdiff::model
