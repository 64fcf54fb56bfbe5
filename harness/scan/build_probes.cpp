#include "scan/build_probes.hpp"

#include <regex>
#include <set>

#include "util/file_text.hpp"

namespace libcdiff::scan {

namespace fs = std::filesystem;

std::vector<ProbeSource> probe_sources(const model::CaseCatalog& catalog, const fs::path& area_dir) {
  // LIBCDIFF_PROBE_CASE(ExecinfoBacktrace, "execinfo_backtrace")
  const auto table = util::read_text_if_present(area_dir / "probe_cases.cpp");
  static const std::regex row(R"re(LIBCDIFF_PROBE_CASE\((\w+),\s*"(\w+)"\))re");
  std::vector<ProbeSource> probes;
  for (std::sregex_iterator it(table.begin(), table.end(), row), end; it != end; ++it) {
    const auto id = "BuildTimeApi." + (*it)[1].str();
    const auto source = area_dir / "probes" / ((*it)[2].str() + ".c");
    std::error_code ec;
    if (catalog.find(id) != nullptr && fs::is_regular_file(source, ec)) probes.push_back({id, source});
  }
  return probes;
}

BuildProbes::BuildProbes(const model::CaseCatalog& catalog, const std::vector<ProbeSource>& probes,
                         const std::vector<std::vector<std::string>>& errors_of)
    : catalog_(&catalog) {
  for (const auto& [id, meta] : catalog.cases) {
    if (meta.area != "build-time-api") continue;
    for (auto api : meta.apis) {
      if (api.starts_with("macro ")) api = api.substr(6);
      case_of_.emplace(api, id);
    }
  }
  std::map<std::string, std::set<std::string>> cases_naming;
  for (std::size_t i = 0; i < probes.size() && i < errors_of.size(); ++i)
    for (const auto& api : errors_of[i])
      if (!api.empty()) cases_naming[api].insert(probes[i].case_id);
  for (const auto& [api, ids] : cases_naming)
    if (ids.size() == 1) case_of_.emplace(api, *ids.begin());  // the catalog's apis come first
}

const model::CaseMeta* BuildProbes::find(const std::string& api) const {
  if (catalog_ == nullptr || api.empty()) return nullptr;
  const auto it = case_of_.find(api);
  return it == case_of_.end() ? nullptr : catalog_->find(it->second);
}

}  // namespace libcdiff::scan
