// Parsing a TOML file the project reads (cases.toml, image-differences.toml): a syntax error becomes
// an input error naming the file and line, never an exception from toml++.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <string_view>
#include <vector>

namespace libcdiff::store {

toml::table parse_toml(std::string_view text, const std::string& source);

// A non-empty string at `key`; else an input error naming `where` and the key.
std::string required_string(const toml::table& t, const char* key, const std::string& where);

// A list of strings at `key` (absent: empty); anything else is an input error.
std::vector<std::string> string_list(const toml::table& t, const char* key, const std::string& where);

}  // namespace libcdiff::store
