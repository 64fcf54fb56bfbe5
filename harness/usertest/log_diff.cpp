#include "usertest/log_diff.hpp"

#include <algorithm>
#include <regex>

namespace libcdiff::usertest {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  // Not util::split, which drops empty parts: blank lines are output too.
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string::npos) {
      if (start < text.size()) lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string cut(std::string s, std::size_t width) {
  std::replace(s.begin(), s.end(), '\t', ' ');
  if (s.size() > width) s = s.substr(0, width - 1) + "~";
  return s + std::string(width - std::min(width, s.size()), ' ');
}

}  // namespace

std::string LogNormaliser::apply(const std::string& line) const {
  static const std::regex kDuration(R"(\b[0-9]+(\.[0-9]+)? ?(sec|secs|seconds|s|ms|us|µs|ns)\b)");
  static const std::regex kTestTime(R"((Test time|Total Test time \(real\)) *= *[0-9.]+)");
  static const std::regex kAddress(R"(0x[0-9a-fA-F]{6,})");
  static const std::regex kPid(R"(\b(pid|PID|process) [0-9]+)");
  std::string out = line;
  for (const auto& [from, to] : literals) {
    if (from.empty()) continue;
    for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
      out.replace(at, from.size(), to);
  }
  out = std::regex_replace(out, kTestTime, "$1 = <time>");
  out = std::regex_replace(out, kDuration, "<time>");
  out = std::regex_replace(out, kAddress, "<address>");
  out = std::regex_replace(out, kPid, "$1 <pid>");
  return out;
}

std::optional<LogDifference> first_difference(const std::string& side_log, const std::string& reference_log,
                                              const LogNormaliser& normaliser, std::size_t lines) {
  const auto a = lines_of(side_log);
  const auto b = lines_of(reference_log);
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && normaliser.apply(a[i]) == normaliser.apply(b[i])) ++i;
  if (i == a.size() && i == b.size()) return std::nullopt;
  LogDifference d;
  d.first_line = i + 1;
  for (std::size_t k = i; k < a.size() && k < i + lines; ++k) d.side.push_back(a[k]);
  for (std::size_t k = i; k < b.size() && k < i + lines; ++k) d.reference.push_back(b[k]);
  return d;
}

std::string side_by_side(const LogDifference& d, const std::string& side_label,
                         const std::string& reference_label, std::size_t max_width) {
  std::size_t width = std::max(side_label.size(), std::string("(end of log)").size());
  for (const auto& line : d.side) width = std::max(width, line.size());
  width = std::min(width, max_width);
  std::string out = "first difference at line " + std::to_string(d.first_line) + "\n" +
                    cut(side_label, width) + " | " + reference_label + "\n";
  const auto rows = std::max(d.side.size(), d.reference.size());
  for (std::size_t k = 0; k < rows; ++k) {
    const std::string left = k < d.side.size() ? d.side[k] : "(end of log)";
    const std::string right = k < d.reference.size() ? d.reference[k] : "(end of log)";
    auto row = cut(left, width) + " | " + right;
    row.erase(row.find_last_not_of(' ') + 1);
    out += row + "\n";
  }
  return out;
}

}  // namespace libcdiff::usertest
