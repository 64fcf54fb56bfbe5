#include "util/version_range.hpp"

#include <cctype>
#include <stdexcept>

namespace libcdiff::util {
namespace {

constexpr long kLargestComponent = 100'000'000'000'000'000;

std::vector<long> components(std::string_view v) {
  std::vector<long> out;
  long current = 0;
  bool any = false;
  for (char c : v) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      // Saturate: a component past 10^17 is absurd in a version, and overflowing is undefined
      // behaviour (found by fuzzing cases.toml with UBSan).
      current = current > kLargestComponent / 10 ? kLargestComponent : current * 10 + (c - '0');
      any = true;
    } else if (c == '.') {
      out.push_back(current);
      current = 0;
      any = false;
    } else {
      break;  // "1.2.5-3.1~deb13u1": the upstream part decides
    }
  }
  if (any || !out.empty()) out.push_back(current);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool is_version(std::string_view v) {
  if (v.empty() || !std::isdigit(static_cast<unsigned char>(v.front()))) return false;
  for (char c : v)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') return false;
  return v.back() != '.';
}

}  // namespace

int compare_versions(std::string_view a, std::string_view b) {
  const auto x = components(a);
  const auto y = components(b);
  for (size_t i = 0; i < std::max(x.size(), y.size()); ++i) {
    const long l = i < x.size() ? x[i] : 0;
    const long r = i < y.size() ? y[i] : 0;
    if (l != r) return l < r ? -1 : 1;
  }
  return 0;
}

VersionRange VersionRange::parse(std::string_view text) {
  VersionRange range;
  range.text_ = std::string(trim(text));
  if (range.text_.empty() || range.text_ == "*") return range;
  std::string_view rest = range.text_;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view part = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    Bound bound;
    for (const char* op : {">=", "<=", ">", "<", "="}) {
      if (part.starts_with(op)) {
        bound.op = op;
        part.remove_prefix(bound.op.size());
        break;
      }
    }
    if (bound.op.empty()) bound.op = "=";
    part = trim(part);
    if (!is_version(part))
      throw std::invalid_argument("'" + range.text_ +
                                  "' is not a version range (use *, 1.2.5, >=1.1.11 or >=1.1,<1.2.4)");
    bound.version = std::string(part);
    range.bounds_.push_back(bound);
  }
  return range;
}

bool VersionRange::contains(std::string_view version) const {
  for (const Bound& b : bounds_) {
    const int c = compare_versions(version, b.version);
    const bool ok = b.op == ">="   ? c >= 0
                    : b.op == ">"  ? c > 0
                    : b.op == "<=" ? c <= 0
                    : b.op == "<"  ? c < 0
                                   : c == 0;
    if (!ok) return false;
  }
  return true;
}

}  // namespace libcdiff::util
