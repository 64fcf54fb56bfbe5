// Where two targets' logs of one test part ways (issue 14, item 3): the logs are normalised (the
// per-target build directories, durations and addresses differ on every run and mean nothing), and
// the first differing lines are shown side by side.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace libcdiff::usertest {

struct LogNormaliser {
  // Literal replacements, longest first: each target's work directory -> "<build>".
  std::vector<std::pair<std::string, std::string>> literals;

  // The line with the literals replaced and durations ("0.01 sec", "12ms", "Test time = 0.2"),
  // hexadecimal addresses and process ids ("pid 1234") reduced to placeholders.
  std::string apply(const std::string& line) const;
};

struct LogDifference {
  std::size_t first_line = 0;          // 1-based, in the normalised logs
  std::vector<std::string> side;       // the side's lines from the first difference (original text)
  std::vector<std::string> reference;  // the reference's lines from there
};

// Nothing when the normalised logs are equal. Otherwise the first differing line and up to `lines`
// lines of each log from there.
std::optional<LogDifference> first_difference(const std::string& side_log, const std::string& reference_log,
                                              const LogNormaliser& normaliser, std::size_t lines = 6);

// Two columns, "side | reference", under a header naming the line: the left column as wide as its
// longest line, up to `width` (longer lines end in '~'), the right one uncut.
std::string side_by_side(const LogDifference& d, const std::string& side_label,
                         const std::string& reference_label, std::size_t width = 120);

}  // namespace libcdiff::usertest
