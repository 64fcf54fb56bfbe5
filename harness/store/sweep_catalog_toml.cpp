#include "store/sweep_catalog_toml.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <initializer_list>
#include <stdexcept>

#include "store/atomic_file.hpp"
#include "store/toml_text.hpp"
#include "util/error.hpp"

namespace libcdiff::store {
namespace {

void reject_unknown_keys(const toml::table& t, std::initializer_list<std::string_view> known,
                         const std::string& where) {
  for (const auto& [key, value] : t)
    if (std::find(known.begin(), known.end(), key.str()) == known.end())
      throw input_error(where, "has an unknown key '" + std::string(key.str()) + "'",
                        "remove it or fix its spelling (see harness/store/sweep_catalog_toml.hpp)");
}

// An optional string: absent gives `fallback`, another type is a mistake.
std::string optional_string(const toml::table& t, const char* key, const std::string& where,
                            const std::string& fallback = "") {
  const toml::node* node = t.get(key);
  if (node == nullptr) return fallback;
  const auto value = node->value<std::string>();
  if (!value) throw input_error(where, std::string("'") + key + "' must be a string", "quote it");
  return *value;
}

// A string or a list of strings; absent: empty.
std::vector<std::string> strings(const toml::table& t, const char* key, const std::string& where) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return {};
  if (const auto s = node->value<std::string>()) return {*s};
  if (node->as_array() == nullptr)
    throw input_error(where, std::string("'") + key + "' must be a string or a list of strings", "quote it");
  return string_list(t, key, where);
}

sweep::SweepExpectation parse_expectation(const toml::table& t, const std::string& where) {
  reject_unknown_keys(
      t, {"libc", "versions", "toolchain", "range", "pattern", "predicate", "why", "references"}, where);
  sweep::SweepExpectation e;
  e.scope.libc = required_string(t, "libc", where);
  if (e.scope.libc != "musl" && e.scope.libc != "glibc")
    throw input_error(where, "libc = \"" + e.scope.libc + "\" is not a libc libcdiff knows",
                      "use \"musl\" or \"glibc\"");
  try {
    e.scope.versions = util::VersionRange::parse(optional_string(t, "versions", where, "*"));
  } catch (const std::invalid_argument& error) {
    throw input_error(where, error.what(), "fix the versions entry");
  }
  e.scope.toolchain = optional_string(t, "toolchain", where);
  e.scope.why = required_string(t, "why", where);
  e.references = strings(t, "references", where);
  if (e.references.empty())
    throw input_error(where, "has no references", "cite the source that documents this difference");
  for (const std::string& text : strings(t, "range", where)) {
    try {
      e.ranges.push_back(sweep::KeyRange::parse(text));
    } catch (const std::invalid_argument& error) {
      throw input_error(where, error.what(), "fix the range");
    }
  }
  e.patterns = strings(t, "pattern", where);
  for (const std::string& p : e.patterns)
    if (p.empty()) throw input_error(where, "has an empty pattern", "write a glob such as \"wcwidth U+1F*\"");
  if (t.contains("predicate")) {
    try {
      e.predicate = sweep::ValuePredicate::parse(optional_string(t, "predicate", where));
    } catch (const std::invalid_argument& error) {
      throw input_error(where, error.what(), "use one of those forms");
    }
  }
  if (e.ranges.empty() && e.patterns.empty() && !e.predicate)
    throw input_error(where, "selects no keys (no range, pattern or predicate)",
                      "say which keys are expected to differ; pattern = \"*\" covers all of them");
  return e;
}

}  // namespace

void add_sweeps_from_toml(sweep::SweepCatalog& catalog, std::string_view toml_text, const std::string& source,
                          const std::string& area) {
  const toml::table root = parse_toml(toml_text, source);
  reject_unknown_keys(root, {"sweep"}, source);
  const toml::node* sweeps_node = root.get("sweep");
  if (sweeps_node == nullptr) return;
  const auto* sweeps = sweeps_node->as_array();
  if (sweeps == nullptr)
    throw input_error(source, "'sweep' is not a list of tables", "write each as [[sweep]]");
  for (std::size_t i = 0; i < sweeps->size(); ++i) {
    const auto* t = (*sweeps)[i].as_table();
    const std::string where = source + " [[sweep]] #" + std::to_string(i + 1);
    if (t == nullptr) throw input_error(where, "is not a table", "write it as [[sweep]]");
    sweep::SweepMeta meta;
    meta.id = required_string(*t, "id", where);
    const std::string here = source + " sweep " + meta.id;
    reject_unknown_keys(*t,
                        {"id", "title", "domain", "source", "breaks", "risk", "references", "apis", "fix",
                         "note", "kind", "expect"},
                        here);
    meta.area = area;
    meta.title = required_string(*t, "title", here);
    meta.domain = required_string(*t, "domain", here);
    meta.source = required_string(*t, "source", here);
    meta.breaks = required_string(*t, "breaks", here);
    meta.risk = required_string(*t, "risk", here);
    if (meta.risk != "high" && meta.risk != "medium" && meta.risk != "low")
      throw input_error(here, "risk = \"" + meta.risk + "\" is not high, medium or low", "pick one of those");
    meta.references = strings(*t, "references", here);
    if (meta.references.empty())
      throw input_error(here, "has no references",
                        "cite the standard, header or libc source the domain comes from");
    meta.apis = strings(*t, "apis", here);
    meta.fix = optional_string(*t, "fix", here);
    meta.note = optional_string(*t, "note", here);
    const std::string kind = optional_string(*t, "kind", here);
    if (!kind.empty() && kind != "enumeration" && kind != "fuzz")
      throw input_error(here, "kind = \"" + kind + "\" is not enumeration or fuzz",
                        "leave it out for an enumeration, or write kind = \"fuzz\"");
    meta.fuzz = kind == "fuzz";
    if (const toml::node* expects_node = t->get("expect")) {
      const auto* expects = expects_node->as_array();
      if (expects == nullptr)
        throw input_error(here, "'expect' is not a list of tables", "write [[sweep.expect]]");
      for (std::size_t k = 0; k < expects->size(); ++k) {
        const std::string entry = here + " expect #" + std::to_string(k + 1);
        const auto* et = (*expects)[k].as_table();
        if (et == nullptr) throw input_error(entry, "is not a table", "write it as [[sweep.expect]]");
        meta.expectations.push_back(parse_expectation(*et, entry));
      }
    }
    if (catalog.sweeps.count(meta.id) > 0)
      throw input_error(here, "is defined twice", "give every sweep a unique id");
    catalog.sweeps.emplace(meta.id, std::move(meta));
  }
}

sweep::SweepCatalog load_sweep_catalog(const std::filesystem::path& suites_dir) {
  if (!std::filesystem::is_directory(suites_dir))
    throw environment_error(suites_dir.string(), "is not a suites directory",
                            "run libcdiff from its source tree or pass --suites-dir");
  std::vector<std::filesystem::path> dirs;
  for (const auto& entry : std::filesystem::directory_iterator(suites_dir))
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "sweeps.toml"))
      dirs.push_back(entry.path());
  std::sort(dirs.begin(), dirs.end());
  sweep::SweepCatalog catalog;
  for (const auto& dir : dirs) {
    const auto file = dir / "sweeps.toml";
    add_sweeps_from_toml(catalog, read_file(file), file.string(), dir.filename().string());
  }
  return catalog;
}

}  // namespace libcdiff::store
