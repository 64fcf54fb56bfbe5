#include "store/toml_text.hpp"

#include "util/error.hpp"

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

}  // namespace libcdiff::store
