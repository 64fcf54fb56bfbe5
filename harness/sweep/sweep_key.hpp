// The key syntax of sweep tables (issue 12), shared with the writer in suites/common/sweep_table.hpp,
// which documents the file format. Keys are compared as written in the file (escaped):
//
//   key    = [family " "] item      split at the last space; without a space there is no family
//   item   = point | name
//   point  = "U+" 1-8 hex digits | "0x"/"0X" 1-16 hex digits | ["-"] 1-19 decimal digits
//   order  = first the prefix (the key up to and including its last space, "" without one) as
//            unsigned bytes; then points before names; points by numeric value, then by their text;
//            names as unsigned bytes.
//
// So a family's keys are contiguous in a table, "errno 2" < "errno 10" < "errno EAGAIN", and
// "wcwidth U+FFFF" < "wcwidth U+10000". Runs of a family's keys are what the diff collapses into ranges.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace libcdiff::sweep {

// A point's value: sign and magnitude ("-0" is 0, not negative).
struct PointValue {
  bool negative = false;
  std::uint64_t magnitude = 0;
  friend bool operator==(const PointValue&, const PointValue&) = default;
};

// <0, 0, >0 by numeric value.
int compare_points(const PointValue& a, const PointValue& b);

// The value of a point item, or nullopt for a name.
std::optional<PointValue> parse_point(std::string_view item);

// A key split into its parts; the views point into the key.
struct KeyParts {
  std::string_view key;
  std::string_view prefix;  // family + its space ("" when the key has no space)
  std::string_view item;
  std::optional<PointValue> point;

  // The family without its space ("" when there is none).
  std::string_view family() const { return prefix.empty() ? prefix : prefix.substr(0, prefix.size() - 1); }
};

KeyParts split_key(std::string_view key);

// <0, 0, >0 in key order; 0 only for identical keys.
int compare_keys(const KeyParts& a, const KeyParts& b);
int compare_keys(std::string_view a, std::string_view b);

}  // namespace libcdiff::sweep
