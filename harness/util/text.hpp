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

// The closest candidate within a small edit distance, for "did you mean ...?".
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace libcdiff::util
