#include "store/image_differences_toml.hpp"

#include <toml++/toml.h>

#include "store/toml_text.hpp"
#include "util/error.hpp"
#include "util/file_text.hpp"

namespace libcdiff::store {

void add_image_differences_from_toml(model::CaseCatalog& catalog, std::string_view toml_text,
                                     const std::string& source) {
  const toml::table root = parse_toml(toml_text, source);
  const auto* entries = root["difference"].as_array();
  if (entries == nullptr) return;
  int index = 0;
  for (const auto& node : *entries) {
    const std::string where = source + ": difference #" + std::to_string(++index);
    const auto* table = node.as_table();
    if (table == nullptr) throw input_error(where, "is not a table", "write it as [[difference]]");
    model::ImageDifference d;
    d.target = (*table)["target"].value_or(std::string());
    d.what = (*table)["what"].value_or(std::string());
    d.evidence = (*table)["evidence"].value_or(std::string());
    if (d.target.empty() || d.what.empty() || d.evidence.empty())
      throw input_error(where, "needs target, what and evidence", "fill in all three");
    const auto* cases = (*table)["cases"].as_array();
    if (cases == nullptr || cases->empty())
      throw input_error(where, "lists no cases", "add cases = [\"Area.Case\"]");
    for (const auto& c : *cases) {
      const auto id = c.value<std::string>();
      if (!id) throw input_error(where, "'cases' must be a list of strings", "quote each case id");
      if (catalog.find(*id) == nullptr)
        throw input_error(where, "names case '" + *id + "', which no suites/*/cases.toml defines",
                          "remove it or fix its id (libcdiff list cases)");
      d.cases.push_back(*id);
    }
    catalog.image_differences.push_back(std::move(d));
  }
}

void load_image_differences(model::CaseCatalog& catalog, const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) return;
  add_image_differences_from_toml(catalog, util::read_text_if_present(path), path.string());
}

}  // namespace libcdiff::store
