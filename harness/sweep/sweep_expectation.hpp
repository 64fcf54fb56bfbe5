// Expectations for sweeps (issue 12 item 2): which differing keys of a sweep are known, why, where
// it is documented, and for which libc versions. An expectation selects keys with any combination of
//   range      "wcwidth U+1F900..U+1F9FF": the family's points from low to high (inclusive, numeric,
//              whatever the notation); without a family ("U+1F900..U+1F9FF") any family's points;
//   pattern    a glob on the whole escaped key: '*' any run of characters, '?' one character,
//              nothing else is special ("wcwidth U+1F*", "strerror *");
//   predicate  one of a small fixed set, on the escaped values of the two sides, where "this" is the
//              side whose libc the expectation names and "other" the side it is compared with:
//                only-this | only-other | one-side          the key is present on one side only
//                this == "TEXT" | this != "TEXT"            (an absent value equals no text)
//                other == "TEXT" | other != "TEXT"
//                equal-without "TEXT"   both present, equal once every TEXT is deleted from both (a flag
//                                       letter, the "-" of a NaN's sign)
//                relative <= R          both values are numbers (C's strtold syntax, hex floats too),
//                                       finite, with |a-b| <= R * max(|a|,|b|): last-bit differences
// Several ranges (or patterns) mean any of them; different kinds must all hold. As with cases.toml, an
// expectation applies where exactly one of the two compared sides falls under its libc, versions
// (and toolchain): it says "on this libc the table differs from the other one's".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/case_catalog.hpp"
#include "sweep/sweep_key.hpp"

namespace libcdiff::sweep {

struct KeyRange {
  std::string text;
  std::optional<std::string> prefix;  // the family and its space; nullopt: any family
  PointValue low;
  PointValue high;

  // Throws std::invalid_argument with a message that says what is wrong with `text`.
  static KeyRange parse(std::string_view text);
  bool covers(const KeyParts& key) const;
};

// '*' any run of characters (also none), '?' exactly one UTF-8 character; everything else literal.
bool glob_matches(std::string_view pattern, std::string_view text);

struct ValuePredicate {
  enum class Kind {
    only_this,
    only_other,
    one_side,
    this_equals,
    this_differs,
    other_equals,
    other_differs,
    equal_without,  // equal-without "TEXT": both present and equal once every TEXT is deleted from both
    relative,  // relative <= R: both whole numbers (hex or decimal floats), finite, |a-b| <= R*max(|a|,|b|)
  };
  Kind kind = Kind::one_side;
  std::string text;       // for the comparisons: the escaped value, between the quotes
  long double bound = 0;  // for relative

  // Throws std::invalid_argument naming the accepted forms.
  static ValuePredicate parse(std::string_view text);
  // nullopt: the key is absent on that side.
  bool holds(std::optional<std::string_view> this_value, std::optional<std::string_view> other_value) const;
};

struct SweepExpectation {
  model::Expectation scope;  // libc, versions, toolchain and why, as in cases.toml (keys unused)
  std::vector<std::string> references;
  std::vector<KeyRange> ranges;
  std::vector<std::string> patterns;
  std::optional<ValuePredicate> predicate;

  bool covers(const KeyParts& key, std::optional<std::string_view> this_value,
              std::optional<std::string_view> other_value) const;
};

// A compared side as its provenance records it.
struct SideIdentity {
  std::string libc_family;  // "musl" | "glibc"
  std::string libc_version;
  std::string compiler;
  std::string cxx_library;
};

// The expectations of one sweep, placed against the two sides of one comparison.
class SweepClassifier {
 public:
  SweepClassifier(std::vector<SweepExpectation> expectations, const SideIdentity& a, const SideIdentity& b);

  // The 0-based index of the first applicable expectation that covers this differing key, or -1.
  int classify(const KeyParts& key, std::optional<std::string_view> value_a,
               std::optional<std::string_view> value_b) const;

  const std::vector<SweepExpectation>& expectations() const { return expectations_; }
  // Whether expectation `index` applies to this pair of sides at all.
  bool applies(std::size_t index) const { return this_side_[index] != Side::none; }

 private:
  enum class Side { none, a, b };
  std::vector<SweepExpectation> expectations_;
  std::vector<Side> this_side_;  // per expectation: which side is "this"
};

}  // namespace libcdiff::sweep
