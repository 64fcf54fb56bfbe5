#include "store/case_catalog_toml.hpp"

#include <toml++/toml.h>
#include <algorithm>

#include "store/atomic_file.hpp"
#include "store/sweep_catalog_toml.hpp"
#include "store/toml_text.hpp"
#include "sweep/sweep_catalog.hpp"
#include "util/error.hpp"

namespace libcdiff::store {
namespace {

model::Expectation parse_expectation(const toml::table& t, const std::string& where) {
  model::Expectation e;
  e.libc = required_string(t, "libc", where);
  if (e.libc != "musl" && e.libc != "glibc")
    throw input_error(where, "libc = \"" + e.libc + "\" is not a libc libcdiff knows",
                      "use \"musl\" or \"glibc\"");
  try {
    e.versions = util::VersionRange::parse(t["versions"].value_or(std::string("*")));
  } catch (const std::invalid_argument& error) {
    throw input_error(where, error.what(), "fix the versions entry");
  }
  e.keys = string_list(t, "keys", where);
  e.why = t["why"].value_or(std::string());
  e.toolchain = t["toolchain"].value_or(std::string());
  return e;
}

}  // namespace

void add_area_from_toml(model::CaseCatalog& catalog, std::string_view toml_text, const std::string& source) {
  const toml::table root = parse_toml(toml_text, source);
  model::AreaMeta area;
  area.area = required_string(root, "area", source);
  area.title = root["title"].value_or(area.area);
  area.migration = root["migration"].value_or(std::string());
  if (const auto* cases = root["case"].as_array()) {
    for (size_t i = 0; i < cases->size(); ++i) {
      const auto* t = (*cases)[i].as_table();
      const std::string where = source + " [[case]] #" + std::to_string(i + 1);
      if (t == nullptr) throw input_error(where, "is not a table", "write it as [[case]]");
      model::CaseMeta meta;
      meta.id = required_string(*t, "id", where);
      const std::string here = source + " case " + meta.id;
      meta.area = area.area;
      meta.title = required_string(*t, "title", here);
      meta.breaks = required_string(*t, "breaks", here);
      meta.risk = required_string(*t, "risk", here);
      if (meta.risk != "high" && meta.risk != "medium" && meta.risk != "low")
        throw input_error(here, "risk = \"" + meta.risk + "\" is not high, medium or low",
                          "pick one of those");
      meta.references = string_list(*t, "references", here);
      if (meta.references.empty())
        throw input_error(here, "has no references", "cite the musl/glibc source, wiki page or bug report");
      meta.note = (*t)["note"].value_or(std::string());
      meta.fix = (*t)["fix"].value_or(std::string());
      meta.apis = string_list(*t, "apis", here);
      if (const auto* expects = (*t)["expect"].as_array())
        for (const auto& e : *expects)
          if (const auto* et = e.as_table()) meta.expectations.push_back(parse_expectation(*et, here));
      if (catalog.cases.count(meta.id) > 0)
        throw input_error(here, "is defined twice", "give every case a unique id");
      catalog.cases.emplace(meta.id, std::move(meta));
    }
  }
  catalog.areas.push_back(std::move(area));
}

model::CaseCatalog load_case_catalog(const std::filesystem::path& suites_dir) {
  if (!std::filesystem::is_directory(suites_dir))
    throw environment_error(suites_dir.string(), "is not a suites directory",
                            "run libcdiff from its source tree or pass --suites-dir");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(suites_dir))
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "cases.toml"))
      files.push_back(entry.path() / "cases.toml");
  std::sort(files.begin(), files.end());
  model::CaseCatalog catalog;
  for (const auto& file : files) add_area_from_toml(catalog, read_file(file), file.string());
  // Sweeps are cases too: in every list, report and checklist, with their own expectations.
  auto sweeps = std::make_shared<sweep::SweepCatalog>(load_sweep_catalog(suites_dir));
  for (const auto& [id, s] : sweeps->sweeps) {
    if (catalog.cases.count(id) != 0)
      throw input_error((suites_dir / s.area / "sweeps.toml").string(),
                        "sweep " + id + " is also a case in cases.toml",
                        "give the sweep its own name (Suite.Sweep<Thing>)");
    model::CaseMeta meta;
    meta.id = id;
    meta.area = s.area;
    meta.title = s.title;
    meta.breaks = s.breaks;
    meta.risk = s.risk;
    meta.references = s.references;
    meta.note = s.note;
    meta.fix = s.fix;
    meta.apis = s.apis;
    meta.sweep = true;
    catalog.cases[id] = std::move(meta);
  }
  catalog.sweeps = std::move(sweeps);
  return catalog;
}

}  // namespace libcdiff::store
