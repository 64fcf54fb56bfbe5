// Diffs two sweep tables (issue 12 item 1) in one pass over both files: linear time, and memory that
// does not grow with the tables (only the summary does, and it is bounded by the options).
//
// Differing keys (different values, or present on one side only) are summarised as groups and ranges:
//   - a *range* is a maximal run of differing keys that are adjacent in the merged key order, share a
//     family (sweep_key.hpp), have the same (value_a, value_b) pair, presence included, and the same
//     classification. Any key in between breaks it, also a key that is the same on both sides, so a
//     range claims exactly the keys it counts: "wcwidth U+1F900..U+1F9FF: musl 1, glibc 2 (256 keys)";
//   - a *group* is one family's differing keys, split into *parts*: the keys no expectation covers
//     (unexpected) and the keys each expectation covers, with counts and the largest ranges as examples.
// The full diff goes to a file (options.full_diff), one line per differing key:
//   # key<TAB><label a><TAB><label b><TAB>verdict          (the header line)
//   <key><TAB><value a><TAB><value b><TAB><verdict>
// with the fields as escaped in the tables, "\N" for a key absent on that side (escaping never
// produces it: a literal backslash is "\\"), and the verdict "unexpected" or "expected N" (the Nth
// [[sweep.expect]] of the sweep, 1-based).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sweep/sweep_expectation.hpp"

namespace libcdiff::sweep {

struct SweepDiffOptions {
  std::string label_a = "a";  // how the sides are named in descriptions and the full diff's header
  std::string label_b = "b";
  std::filesystem::path full_diff;              // written (atomically) when not empty
  const SweepClassifier* classifier = nullptr;  // null: every difference is unexpected
  std::size_t max_groups = 1000;                // families kept in detail, in key order (all are counted)
  std::size_t max_examples = 5;                 // ranges kept per part: the largest, shown in key order
  std::size_t max_value_bytes = 200;            // values in examples are cut to this (the full diff is not)
};

struct SweepRange {
  std::string first;  // first and last key, escaped as in the tables
  std::string last;
  std::optional<std::string> value_a;  // nullopt: the keys are absent on side a
  std::optional<std::string> value_b;
  std::uint64_t keys = 0;
};

struct SweepPart {
  int expectation = -1;  // the classifier's index; -1: unexpected
  std::string why;       // the expectation's reason ("" when unexpected)
  std::uint64_t keys = 0;
  std::uint64_t ranges = 0;
  std::vector<SweepRange> examples;
};

struct SweepGroup {
  std::string prefix;  // the family and its space, as in sweep_key.hpp ("" for keys without a space)
  std::uint64_t keys = 0;
  std::uint64_t ranges = 0;
  std::uint64_t only_a = 0;  // of the keys: present on side a only
  std::uint64_t only_b = 0;
  std::vector<SweepPart> parts;  // the unexpected part first, then by expectation index

  std::string family() const { return prefix.empty() ? prefix : prefix.substr(0, prefix.size() - 1); }
  std::uint64_t unexpected_keys() const;
  std::uint64_t expected_keys() const { return keys - unexpected_keys(); }
};

struct SweepTableSummary {
  std::filesystem::path path;
  std::uint64_t keys = 0;
  std::uint64_t hash = 0;  // FNV-1a 64 of the file: compare with the sweep.hash the suite recorded
};

struct SweepDiff {
  SweepTableSummary a;
  SweepTableSummary b;
  std::uint64_t same_keys = 0;
  std::uint64_t differing_keys = 0;  // including the keys present on one side only
  std::uint64_t only_a = 0;
  std::uint64_t only_b = 0;
  std::uint64_t expected_keys = 0;
  std::uint64_t unexpected_keys = 0;
  std::uint64_t ranges = 0;
  std::uint64_t groups = 0;         // families with a difference
  std::vector<SweepGroup> details;  // the first options.max_groups of them
  // Keys covered per expectation (classifier index). An applicable expectation that covers none is
  // "expected but same".
  std::vector<std::uint64_t> keys_per_expectation;
  std::filesystem::path full_diff;  // empty when not written
};

// Throws libcdiff::Fatal naming the file (and line) for an unreadable, malformed or unsorted table, or
// a full diff that cannot be written.
SweepDiff diff_tables(const std::filesystem::path& path_a, const std::filesystem::path& path_b,
                      const SweepDiffOptions& options = {});

// "wcwidth U+1F900..U+1F9FF: musl 1, glibc 2 (256 keys)"; an absent value reads "(absent)", an empty
// one "".
std::string describe(const SweepRange& range, const std::string& label_a, const std::string& label_b);

// "fnv1a64:0123456789abcdef", as the suite records it.
std::string format_hash(std::uint64_t hash);

}  // namespace libcdiff::sweep
