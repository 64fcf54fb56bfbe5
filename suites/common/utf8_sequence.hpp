// The one UTF-8 check the suites share: observations and sweep tables keep valid UTF-8 as it is and
// escape every other byte, so both need to know where a valid sequence ends.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace libcdiff::suite {

// Length of the valid UTF-8 sequence starting at s[i] (lead byte >= 0x80), or 0 when it is not one
// (overlong forms, surrogates and code points above U+10FFFF are not valid).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// Appends what starts at s[i] readably: a printable ASCII byte as it is, a valid UTF-8 sequence as
// it is, any other byte as "\xNN" (two lowercase hex digits). Returns the index after it.
std::size_t append_visible(std::string& out, std::string_view s, std::size_t i);

}  // namespace libcdiff::suite
