#include "store/benchmark_catalog_toml.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <vector>

#include "store/atomic_file.hpp"
#include "store/toml_text.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::store {
namespace {

const std::vector<std::string> kTopLevelKeys = {"area", "benchmark"};
const std::vector<std::string> kEntryKeys = {"name", "description", "references"};

// "benchmarks/malloc/benchmarks.toml:7": where a node starts, when toml++ knows.
std::string located(const std::string& source, const toml::node& node) {
  const auto line = node.source().begin.line;
  return line > 0 ? source + ":" + std::to_string(line) : source;
}

void reject_unknown_keys(const toml::table& table, const std::vector<std::string>& allowed,
                         const std::string& where) {
  for (const auto& [key, value] : table) {
    const std::string name(key.str());
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    const auto guess = util::closest_match(name, allowed);
    throw input_error(where, "has unknown key '" + name + "'",
                      (guess ? "did you mean '" + *guess + "'? " : std::string()) + "The keys are " +
                          util::join(allowed, ", "));
  }
}

std::vector<std::string> references(const toml::table& entry, const std::string& where) {
  const toml::node* node = entry.get("references");
  const auto* array = node == nullptr ? nullptr : node->as_array();
  if (node != nullptr && array == nullptr)
    throw input_error(where, "'references' must be a list of strings",
                      "write references = [\"https://...\"]");
  std::vector<std::string> out;
  if (array != nullptr) {
    for (const auto& item : *array) {
      const auto* text = item.as_string();
      if (text == nullptr || util::trim(text->get()).empty())
        throw input_error(where, "'references' must be a list of non-empty strings", "quote each source");
      out.push_back(text->get());
    }
  }
  if (out.empty())
    throw input_error(
        where, "has no references",
        "cite the musl and glibc sources (or the benchmark's own source) the description rests on");
  return out;
}

model::BenchmarkMeta read_entry(const toml::table& entry, const std::string& area, const std::string& where) {
  reject_unknown_keys(entry, kEntryKeys, where);
  model::BenchmarkMeta meta;
  meta.name = required_string(entry, "name", where);
  if (meta.name.find('/') != std::string::npos || meta.name.find_first_of(" \t\r\n") != std::string::npos)
    throw input_error(where, "name = \"" + meta.name + "\" is not a benchmark family",
                      "write the benchmark's name before the first '/', e.g. \"" +
                          model::benchmark_family(meta.name) + "\"");
  const std::string here = where + " (" + meta.name + ")";
  meta.area = area;
  meta.description = required_string(entry, "description", here);
  if (meta.description.find_first_of("\r\n") != std::string::npos)
    throw input_error(here, "has a description of more than one line", "say it in one line");
  meta.references = references(entry, here);
  return meta;
}

}  // namespace

std::string add_benchmarks_from_toml(model::BenchmarkCatalog& catalog, std::string_view toml_text,
                                     const std::string& source) {
  const toml::table root = parse_toml(toml_text, source);
  reject_unknown_keys(root, kTopLevelKeys, source);
  const std::string area = required_string(root, "area", source);
  const toml::node* entries_node = root.get("benchmark");
  if (entries_node == nullptr)
    throw input_error(source, "describes no benchmark", "add a [[benchmark]] entry per benchmark family");
  const auto* entries = entries_node->as_array();
  if (entries == nullptr)
    throw input_error(located(source, *entries_node), "'benchmark' is not a list of tables",
                      "write each entry as [[benchmark]]");
  // Entries are checked before any is added: a file with an error leaves the catalog as it was.
  std::vector<model::BenchmarkMeta> read;
  std::vector<std::string> where_read;
  int index = 0;
  for (const auto& node : *entries) {
    const std::string where = located(source, node) + ": benchmark #" + std::to_string(++index);
    const auto* table = node.as_table();
    if (table == nullptr) throw input_error(where, "is not a table", "write each entry as [[benchmark]]");
    auto meta = read_entry(*table, area, where);
    if (const auto* known = catalog.find(meta.name))
      throw input_error(where + " (" + meta.name + ")",
                        "is defined twice (also in area '" + known->area + "')",
                        "keep one entry per benchmark family");
    for (size_t i = 0; i < read.size(); ++i)
      if (read[i].name == meta.name)
        throw input_error(where + " (" + meta.name + ")", "is defined twice (also at " + where_read[i] + ")",
                          "keep one entry per benchmark family");
    read.push_back(std::move(meta));
    where_read.push_back(where);
  }
  for (auto& meta : read) {
    std::string name = meta.name;
    catalog.by_family.emplace(std::move(name), std::move(meta));
  }
  return area;
}

model::BenchmarkCatalog load_benchmark_catalog(const std::filesystem::path& benchmarks_dir) {
  if (!std::filesystem::is_directory(benchmarks_dir))
    throw environment_error(benchmarks_dir.string(), "is not a benchmarks directory",
                            "run libcdiff from its source tree");
  std::vector<std::filesystem::path> dirs;
  for (const auto& entry : std::filesystem::directory_iterator(benchmarks_dir))
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "benchmarks.toml"))
      dirs.push_back(entry.path());
  std::sort(dirs.begin(), dirs.end());
  model::BenchmarkCatalog catalog;
  for (const auto& dir : dirs) {
    const auto file = dir / "benchmarks.toml";
    const std::string area = add_benchmarks_from_toml(catalog, read_file(file), file.string());
    if (area != dir.filename().string())
      throw input_error(file.string(),
                        "says area = \"" + area + "\" in directory '" + dir.filename().string() + "'",
                        "name the area after its directory (the run records do)");
  }
  return catalog;
}

}  // namespace libcdiff::store
