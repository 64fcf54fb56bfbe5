#include "sweep/sweep_key.hpp"

namespace libcdiff::sweep {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int sign(int value) {
  return value < 0 ? -1 : value > 0 ? 1 : 0;
}

}  // namespace

int compare_points(const PointValue& a, const PointValue& b) {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  if (a.magnitude == b.magnitude) return 0;
  const bool less = a.negative ? a.magnitude > b.magnitude : a.magnitude < b.magnitude;
  return less ? -1 : 1;
}

std::optional<PointValue> parse_point(std::string_view item) {
  PointValue out;
  std::string_view digits = item;
  std::uint64_t base = 10;
  std::size_t max_digits = 19;  // < 2^64 whatever the digits
  if (item.starts_with("U+")) {
    digits.remove_prefix(2), base = 16, max_digits = 8;
  } else if (item.starts_with("0x") || item.starts_with("0X")) {
    digits.remove_prefix(2), base = 16, max_digits = 16;
  } else if (item.starts_with("-")) {
    digits.remove_prefix(1), out.negative = true;
  }
  if (digits.empty() || digits.size() > max_digits) return std::nullopt;
  for (char c : digits) {
    const int d = base == 16 ? hex_digit(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
    if (d < 0) return std::nullopt;
    out.magnitude = out.magnitude * base + static_cast<std::uint64_t>(d);
  }
  if (out.magnitude == 0) out.negative = false;
  return out;
}

KeyParts split_key(std::string_view key) {
  KeyParts parts;
  parts.key = key;
  const std::size_t space = key.rfind(' ');
  const std::size_t prefix = space == std::string_view::npos ? 0 : space + 1;
  parts.prefix = key.substr(0, prefix);
  parts.item = key.substr(prefix);
  parts.point = parse_point(parts.item);
  return parts;
}

int compare_keys(const KeyParts& a, const KeyParts& b) {
  if (const int c = a.prefix.compare(b.prefix); c != 0) return sign(c);
  if (a.point.has_value() != b.point.has_value()) return a.point ? -1 : 1;
  if (a.point)
    if (const int c = compare_points(*a.point, *b.point); c != 0) return c;
  return sign(a.item.compare(b.item));
}

int compare_keys(std::string_view a, std::string_view b) {
  return compare_keys(split_key(a), split_key(b));
}

}  // namespace libcdiff::sweep
