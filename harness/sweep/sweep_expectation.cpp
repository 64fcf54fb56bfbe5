#include "sweep/sweep_expectation.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include <stdexcept>

namespace libcdiff::sweep {
namespace {

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

KeyRange KeyRange::parse(std::string_view text) {
  KeyRange range;
  range.text = std::string(text);
  const std::size_t space = text.rfind(' ');
  const std::string_view span = space == std::string_view::npos ? text : text.substr(space + 1);
  if (space != std::string_view::npos) range.prefix = std::string(text.substr(0, space + 1));
  const std::size_t dots = span.find("..");
  if (dots == std::string_view::npos)
    throw std::invalid_argument(
        "range \"" + range.text +
        "\" has no \"..\": write [family ]LOW..HIGH, e.g. \"wcwidth U+1F900..U+1F9FF\"");
  const std::string_view low = span.substr(0, dots);
  const std::string_view high = span.substr(dots + 2);
  const auto low_point = parse_point(low);
  const auto high_point = parse_point(high);
  if (!low_point || !high_point)
    throw std::invalid_argument("range \"" + range.text + "\": \"" + std::string(low_point ? high : low) +
                                "\" is not a point (U+hex, 0xhex or a decimal number)");
  if (compare_points(*low_point, *high_point) > 0)
    throw std::invalid_argument("range \"" + range.text +
                                "\" ends before it starts: write the smaller point first");
  range.low = *low_point;
  range.high = *high_point;
  return range;
}

bool KeyRange::covers(const KeyParts& key) const {
  if (!key.point) return false;
  if (prefix && key.prefix != *prefix) return false;
  return compare_points(low, *key.point) <= 0 && compare_points(*key.point, high) <= 0;
}

bool glob_matches(std::string_view pattern, std::string_view text) {
  // The classic greedy matcher with one backtracking point (the last '*'): O(pattern x text) at worst.
  std::size_t p = 0, t = 0;
  std::size_t star = std::string_view::npos, star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (p < pattern.size() && pattern[p] == '?') {
      ++p;
      ++t;
      while (t < text.size() && is_continuation(text[t])) ++t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_text;
      while (t < text.size() && is_continuation(text[t])) t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

namespace {

std::string erase_all(std::string_view value, const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < value.size();) {
    if (!text.empty() && value.substr(i, text.size()) == text) {
      i += text.size();
    } else {
      out += value[i++];
    }
  }
  return out;
}

// The value as a finite number when all of it is one ("0x1.921fb4p+0", "-1.5e-3"); else nothing.
std::optional<long double> whole_number(std::optional<std::string_view> value) {
  if (!value || value->empty() || std::isspace(static_cast<unsigned char>(value->front())))
    return std::nullopt;
  const std::string text(*value);
  char* end = nullptr;
  const long double number = std::strtold(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(number)) return std::nullopt;
  return number;
}

}  // namespace

ValuePredicate ValuePredicate::parse(std::string_view text) {
  using Kind = ValuePredicate::Kind;
  ValuePredicate out;
  if (text == "only-this") return out.kind = Kind::only_this, out;
  if (text == "only-other") return out.kind = Kind::only_other, out;
  if (text == "one-side") return out.kind = Kind::one_side, out;
  struct Form {
    std::string_view head;
    Kind kind;
  };
  for (const Form& form : {Form{"this == \"", Kind::this_equals}, Form{"this != \"", Kind::this_differs},
                           Form{"other == \"", Kind::other_equals}, Form{"other != \"", Kind::other_differs}})
    if (text.starts_with(form.head) && text.size() > form.head.size() && text.back() == '"') {
      out.kind = form.kind;
      out.text = std::string(text.substr(form.head.size(), text.size() - form.head.size() - 1));
      return out;
    }
  constexpr std::string_view without = "equal-without \"";
  if (text.starts_with(without) && text.size() > without.size() + 1 && text.back() == '"') {
    out.kind = Kind::equal_without;
    out.text = std::string(text.substr(without.size(), text.size() - without.size() - 1));
    return out;
  }
  constexpr std::string_view relative = "relative <= ";
  if (text.starts_with(relative)) {
    const std::string number(text.substr(relative.size()));
    char* end = nullptr;
    out.bound = std::strtold(number.c_str(), &end);
    if (!number.empty() && end == number.c_str() + number.size() && out.bound >= 0 && out.bound < 1) {
      out.kind = Kind::relative;
      return out;
    }
  }
  throw std::invalid_argument(
      "predicate \"" + std::string(text) +
      "\" is not one of only-this, only-other, one-side, this == \"TEXT\", "
      "this != \"TEXT\", other == \"TEXT\", other != \"TEXT\", equal-without \"TEXT\", "
      "relative <= R (0 <= R < 1)");
}

bool ValuePredicate::holds(std::optional<std::string_view> this_value,
                           std::optional<std::string_view> other_value) const {
  switch (kind) {
    case Kind::only_this:
      return this_value && !other_value;
    case Kind::only_other:
      return !this_value && other_value;
    case Kind::one_side:
      return this_value.has_value() != other_value.has_value();
    case Kind::this_equals:
      return this_value && *this_value == text;
    case Kind::this_differs:
      return !this_value || *this_value != text;
    case Kind::other_equals:
      return other_value && *other_value == text;
    case Kind::other_differs:
      return !other_value || *other_value != text;
    case Kind::equal_without:
      return this_value && other_value && erase_all(*this_value, text) == erase_all(*other_value, text);
    case Kind::relative: {
      const auto a = whole_number(this_value), b = whole_number(other_value);
      if (!a || !b) return false;
      return std::fabs(*a - *b) <= bound * std::max(std::fabs(*a), std::fabs(*b));
    }
  }
  return false;
}

bool SweepExpectation::covers(const KeyParts& key, std::optional<std::string_view> this_value,
                              std::optional<std::string_view> other_value) const {
  if (!ranges.empty()) {
    bool any = false;
    for (const KeyRange& r : ranges) any = any || r.covers(key);
    if (!any) return false;
  }
  if (!patterns.empty()) {
    bool any = false;
    for (const std::string& p : patterns) any = any || glob_matches(p, key.key);
    if (!any) return false;
  }
  return !predicate || predicate->holds(this_value, other_value);
}

SweepClassifier::SweepClassifier(std::vector<SweepExpectation> expectations, const SideIdentity& a,
                                 const SideIdentity& b)
    : expectations_(std::move(expectations)) {
  for (const SweepExpectation& e : expectations_) {
    const bool in_a = e.scope.applies_to(a.libc_family, a.libc_version, a.compiler, a.cxx_library);
    const bool in_b = e.scope.applies_to(b.libc_family, b.libc_version, b.compiler, b.cxx_library);
    this_side_.push_back(in_a == in_b ? Side::none : in_a ? Side::a : Side::b);
  }
}

int SweepClassifier::classify(const KeyParts& key, std::optional<std::string_view> value_a,
                              std::optional<std::string_view> value_b) const {
  for (std::size_t i = 0; i < expectations_.size(); ++i) {
    if (this_side_[i] == Side::none) continue;
    const bool a_is_this = this_side_[i] == Side::a;
    if (expectations_[i].covers(key, a_is_this ? value_a : value_b, a_is_this ? value_b : value_a))
      return static_cast<int>(i);
  }
  return -1;
}

}  // namespace libcdiff::sweep
