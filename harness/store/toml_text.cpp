#include "store/toml_text.hpp"

#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::store {

toml::table parse_toml(std::string_view text, const std::string& source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw input_error(source + ":" + std::to_string(e.source().begin.line),
                      std::string("is not valid TOML (") + std::string(e.description()) + ")",
                      "fix the syntax");
  }
}

std::string required_string(const toml::table& t, const char* key, const std::string& where) {
  const std::string name(key);
  const toml::node* node = t.get(name);
  if (node == nullptr) throw input_error(where, "has no '" + name + "'", "add " + name + " = \"...\"");
  const auto* text = node->as_string();
  if (text == nullptr)
    throw input_error(where, "'" + name + "' must be a string", "quote it: " + name + " = \"...\"");
  if (util::trim(text->get()).empty())
    throw input_error(where, "has an empty '" + name + "'", "write what it is");
  return text->get();
}

std::vector<std::string> string_list(const toml::table& t, const char* key, const std::string& where) {
  std::vector<std::string> out;
  const auto* array = t[key].as_array();
  if (array == nullptr) return out;
  for (const auto& item : *array) {
    const auto s = item.value<std::string>();
    if (!s)
      throw input_error(where, std::string("'") + key + "' must be a list of strings", "quote each entry");
    out.push_back(*s);
  }
  return out;
}

}  // namespace libcdiff::store
