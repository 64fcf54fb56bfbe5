// Text that external programs hand us (suite observations, console logs) is bytes, not UTF-8; JSON
// writers and HTML need valid UTF-8. These helpers make it valid without losing what the bytes were.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace libcdiff::util {

// Valid UTF-8 stays as it is; every byte that is not part of a valid sequence (stray continuation
// bytes, truncated or overlong sequences, surrogates, code points above U+10FFFF) becomes the four
// characters "\xNN", so two different invalid inputs stay different and a reader sees the bytes.
std::string valid_utf8(std::string_view bytes);

// At most `limit` bytes of `text` (never cutting a UTF-8 sequence in half), followed by a visible
// note "… [truncated at N bytes of M]" when anything was cut.
std::string bounded_text(std::string_view text, std::size_t limit);

}  // namespace libcdiff::util
