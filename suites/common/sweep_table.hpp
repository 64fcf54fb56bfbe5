// Sweep tables (DESIGN §4, issue 12): a sweep case enumerates a whole domain and records one value per
// key. RecordProperty per key does not scale (gtest scans its properties linearly, and every report
// would list every key), so the table goes to a sidecar file and the case records only where it is:
//
//   SweepTable table;
//   for (wint_t c = 0; c <= 0x10FFFF; ++c) table.set("wcwidth " + codepoint(c), wcwidth(c));
//   table.write();  // <dir>/Locale.SweepWcwidth.sweep.tsv + properties sweep, sweep.keys, sweep.hash
//
// File format (version 1), read by harness/sweep/sweep_table_reader.hpp:
//   - one line per key: <key> TAB <value> LF, nothing else (no header, no blank lines);
//   - key and value are *escaped*: '\' -> "\\", TAB -> "\t", LF -> "\n", every other byte below 0x20,
//     the byte 0x7F and every byte that is not part of a valid UTF-8 sequence -> "\xNN" (two lowercase
//     hex digits). Valid UTF-8 stays as it is, so the file is valid UTF-8 and two different byte strings
//     never escape to the same text. A key is never empty;
//   - lines are sorted by the escaped key in *key order*, each key once (see sweep_key_compare):
//       key    = [family " "] item      (split at the last space; without a space there is no family)
//       item   = point | name
//       point  = "U+" 1-8 hex digits | "0x"/"0X" 1-16 hex digits | ["-"] 1-19 decimal digits
//       order  = first the key up to and including its last space ("" without one), as unsigned
//                bytes; then points before names; points by numeric value, then by their text
//                ("0x10" < "16" < "U+10": equal values); names as unsigned bytes
//     so "errno 2" < "errno 10" < "errno EAGAIN", and "wcwidth U+FFFF" < "wcwidth U+10000". Put the
//     enumerated coordinate last ("wcwidth C.UTF-8 U+1F900"): the harness collapses runs of a family
//     into ranges ("wcwidth C.UTF-8 U+1F900..U+1F9FF"). Ranges need equal values, so a value that
//     follows its key (a case mapping, a successor) is best recorded relative to it: towupper as
//     "=" or "-26" rather than "U+24B6", else every key of a shifted block is a range of its own
//     (measured: musl vs glibc towupper, 26 circled letters, 26 ranges).
//   - deterministic: the same set() calls in any order give the same bytes; the file is written to a
//     temporary name and renamed, so a reader never sees half a table.
// The hash recorded with it is FNV-1a 64 over the file's bytes, "fnv1a64:<16 lowercase hex digits>".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace libcdiff::suite {

// "\\", "\t", "\n", "\xNN" as described above.
std::string escape_sweep_field(std::string_view bytes);

// <0, 0, >0: the key order above, on escaped keys (the harness's sweep::compare_keys is the same order;
// a unit test checks that the two agree).
int sweep_key_compare(std::string_view a, std::string_view b);

// "<suite>.<case>.sweep.tsv" with every byte outside [A-Za-z0-9._-] replaced by '_'
// (parameterized "Sweep/Wcwidth.All/0" -> "Sweep_Wcwidth.All_0.sweep.tsv").
std::string sweep_file_name(std::string_view suite, std::string_view test_case);

// "fnv1a64:0123456789abcdef"
std::string format_sweep_hash(std::uint64_t hash);

// The integer types set() takes: not bool, not char (a character is not a number).
template <typename T>
concept SweepInteger = std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>;

struct SweepWriteResult {
  std::size_t keys = 0;
  std::uint64_t hash = 0;  // FNV-1a 64 of the bytes written
  std::string error;       // empty on success; else what went wrong, naming the file or the key
};

class SweepTable {
 public:
  // Keys and values are bytes; they are escaped here. Setting a key twice is an error reported by
  // write() (a sweep that enumerates a key twice has a bug); the first value is kept.
  void set(std::string_view key, std::string_view value);
  void set(std::string_view key, const char* value);  // NULL is recorded as "NULL"
  // Any integer, in decimal (a template, so that set(key, 0) is not ambiguous with the null pointer).
  void set(std::string_view key, SweepInteger auto value) {
    set(key, std::string_view(std::to_string(value)));
  }
  void reserve(std::size_t keys) { entries_.reserve(keys); }
  std::size_t size() const { return entries_.size(); }

  // For a running gtest case: writes <dir>/<sweep_file_name(suite, case)>, where dir is
  // $LIBCDIFF_SWEEP_DIR (the current directory when unset or empty), and records the properties
  //   sweep = <file name>, sweep.keys = <count>, sweep.hash = <format_sweep_hash>.
  // Any problem is a non-fatal gtest failure (ADD_FAILURE) naming the file; outside a test it is one too.
  // Call it once per case.
  void write();

  // The file alone, at `path` (temporary file + rename), without gtest: sorts, checks and writes.
  // Keeps the table, so it can be written again.
  SweepWriteResult write_file(const std::string& path);

 private:
  struct Entry {
    std::string key;                  // escaped
    std::string value;                // escaped
    std::uint32_t prefix_length = 0;  // the family and its space: up to and including the last space
    bool is_point = false;
    bool negative = false;
    std::uint64_t magnitude = 0;
  };
  static int compare(const Entry& a, const Entry& b);

  std::vector<Entry> entries_;
  bool sorted_ = false;
};

}  // namespace libcdiff::suite
