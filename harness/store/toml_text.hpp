// Parsing a TOML file the project reads (cases.toml, image-differences.toml): a syntax error becomes
// an input error naming the file and line, never an exception from toml++.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <string_view>

namespace libcdiff::store {

toml::table parse_toml(std::string_view text, const std::string& source);

}  // namespace libcdiff::store
