// Observations: what this libc *did*, recorded as gtest properties "obs.<key>" (DESIGN §4).
// The harness reads them from --gtest_output=json and diffs them key by key across targets,
// so values must be deterministic strings: no addresses, timings or pids.
#pragma once

#include <cwchar>
#include <string>
#include <string_view>

namespace libcdiff::suite {

void observe(std::string_view key, std::string_view value);
void observe(std::string_view key, const char* value);  // NULL is recorded as "NULL"
void observe(std::string_view key, long long value);

// Valid UTF-8 is kept (reports stay readable); other bytes and control characters become \xNN,
// so the JSON gtest writes is always valid.
std::string printable(std::string_view bytes);

// "ENOENT" for the common errno values, "errno 123" otherwise: the symbolic name is the same on
// both libcs while the numbers and texts are not.
std::string errno_name(int error);

// "U+0130"
std::string codepoint(wint_t c);

// "<0", "0" or ">0": comparison functions promise only the sign.
std::string sign_of(int value);

}  // namespace libcdiff::suite
