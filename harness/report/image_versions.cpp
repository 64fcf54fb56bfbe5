#include "report/image_versions.hpp"

namespace libcdiff::report {

std::vector<ImageVersions> image_versions(const model::Comparison& c) {
  std::vector<ImageVersions> rows;
  for (const auto& t : c.targets) {
    const auto& deps = t.provenance.dependencies;
    if (!deps.count("os")) continue;
    const auto dep = [&](const std::string& key) {
      const auto it = deps.find(key);
      return it == deps.end() || it->second.empty() ? std::string("?") : it->second;
    };
    rows.push_back({t.label, dep("os"), dep("libc"), dep("tzdata"), dep("compiler")});
  }
  return rows;
}

}  // namespace libcdiff::report
