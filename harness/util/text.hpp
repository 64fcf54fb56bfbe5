// Small string helpers shared by the CLI and the readers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace libcdiff::util {

std::vector<std::string> split(std::string_view text, char separator);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
// A target id as a file or directory name: "alpine:3.20" -> "alpine-3.20" (a ':' would also break
// container volume specifications, which are colon-separated).
std::string path_safe(std::string_view text);
// Without leading and trailing whitespace (spaces, tabs, CR, LF).
std::string trim(std::string_view text);

// One word for a POSIX shell: 'it'\''s' style quoting, bare when only safe characters appear.
std::string shell_quote(std::string_view word);

// 1234567 -> "1,234,567": counts of sweep keys run into millions.
std::string thousands(unsigned long long n);

// "1 key", "2 keys": the count (with thousands separators) and the noun, plural with an "s".
std::string count_of(unsigned long long n, std::string_view noun);

// The closest candidate within a small edit distance, for "did you mean ...?".
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace libcdiff::util
