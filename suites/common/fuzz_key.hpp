// The key form of a fuzz case's sweep table (common/fuzz_driver.hpp), shared by the suites and the
// harness (harness/fuzz/ reads differing keys back into inputs to minimise them). No gtest and no
// libc-specific code here: the harness compiles this file too.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace libcdiff::suite {

// The input as the key's last item: a space is "␠" (U+2420), the empty input "∅" (U+2205).
std::string fuzz_item(std::string_view text);
// Inverse of fuzz_item.
std::string fuzz_text(std::string_view item);
// True when fuzz_text(fuzz_item(text)) == text: the text holds neither sign.
bool fuzz_representable(std::string_view text);

// "<family> <input item>" or "<family> <variant> <input item>".
std::string fuzz_key(std::string_view family, std::string_view variant, std::string_view text);

// Inverse of escape_sweep_field (common/sweep_table.hpp); nullopt for a malformed escape.
std::optional<std::string> unescape_sweep_field(std::string_view escaped);

// The parts of an *unescaped* fuzz key: everything before the first space is the family, the last
// item is the input, what lies between is the variant ("" when none). nullopt without a space.
struct FuzzKeyParts {
  std::string family;
  std::string variant;
  std::string text;
};
std::optional<FuzzKeyParts> split_fuzz_key(std::string_view key);

// One line of an LIBCDIFF_FUZZ_INPUTS file (without its LF), and back.
std::string fuzz_input_line(std::string_view variant, std::string_view text);
std::optional<FuzzKeyParts> parse_fuzz_input_line(std::string_view family, std::string_view line);

}  // namespace libcdiff::suite
