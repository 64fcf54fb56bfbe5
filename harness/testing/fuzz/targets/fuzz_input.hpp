// What every fuzz target shares: the input as text, and the rule that a reader may reject bad bytes
// only with libcdiff's own error (Fatal: one line, exit 2). Any other exception escaping a reader
// reaches the user as "internal error", so it is a finding: libFuzzer reports it as a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace libcdiff::fuzz {

inline std::string as_text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace libcdiff::fuzz
