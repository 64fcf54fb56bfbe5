// Reads the JSON a suite binary writes with --gtest_output=json: per test the outcome, skip/failure
// text and the "obs.*" observations; at top level the libc identity the suite recorded.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/run_record.hpp"

namespace libcdiff::collect {

struct SuiteOutput {
  std::map<std::string, std::string> identity;  // "libc.family" -> "musl", ...
  std::vector<model::CaseResult> cases;
};

// Throws libcdiff::Fatal (exit 2) naming `source` for text that is not gtest JSON.
SuiteOutput parse_gtest_json(const std::string& text, const std::string& area, const std::string& source);

// GoogleTest 1.12 escapes every byte >= 0x80 of a property value as its own \u00XX, so a UTF-8 "ä"
// arrives as "Ã¤". Turn such a string back into the original bytes; text with code points above
// U+00FF was not written that way and is returned unchanged.
std::string undo_gtest_byte_escaping(const std::string& utf8);

}  // namespace libcdiff::collect
