#include "report/sweep_text.hpp"

#include <fmt/format.h>

#include <functional>

#include "report/html.hpp"
#include "report/markdown.hpp"

namespace libcdiff::report {
namespace {

// One line per item, nested: (depth, text, code spans) in reading order. Both renderers walk it.
struct Line {
  int depth = 0;
  std::string text;
};

std::string part_title(const model::SweepPartSummary& p) {
  if (p.expectation == 0) return "unexpected";
  return fmt::format("expected #{}{}", p.expectation, p.why.empty() ? "" : " (" + p.why + ")");
}

std::vector<Line> sweep_lines(const model::CaseComparison& c, const model::Comparison& comparison) {
  std::vector<Line> lines;
  for (const auto& t : comparison.targets) {
    const auto it = c.versus.find(t.label);
    if (it == c.versus.end() || !it->second.sweep) continue;
    const auto& s = *it->second.sweep;
    std::string head = fmt::format("{}: {} keys, {}: {} keys; {} differ", t.label, thousands(s.keys_side),
                                   comparison.reference, thousands(s.keys_reference), thousands(s.differing));
    if (s.differing > 0)
      head += fmt::format(" ({} expected, {} unexpected) in {} families, {} ranges", thousands(s.expected),
                          thousands(s.unexpected), thousands(s.groups), thousands(s.ranges));
    if (!s.full_diff.empty()) head += "; full diff: " + s.full_diff;
    lines.push_back({0, head});
    for (const auto& idle : s.idle_expectations) lines.push_back({1, "expected but did not occur: " + idle});
    for (const auto& g : s.details) {
      std::string family = g.family.empty() ? "(keys without a family)" : g.family;
      std::string only;
      if (g.only_side > 0) only += fmt::format(", {} only on {}", thousands(g.only_side), t.label);
      if (g.only_reference > 0)
        only += fmt::format(", {} only on {}", thousands(g.only_reference), comparison.reference);
      lines.push_back({1, fmt::format("{}: {} keys in {} ranges{}", family, thousands(g.keys),
                                      thousands(g.ranges), only)});
      for (const auto& p : g.parts) {
        lines.push_back({2, fmt::format("{}: {} keys in {} ranges", part_title(p), thousands(p.keys),
                                        thousands(p.ranges))});
        for (const auto& e : p.examples) lines.push_back({3, e});
      }
    }
    if (s.groups > s.details.size())
      lines.push_back(
          {1, fmt::format("... {} more families in the full diff", thousands(s.groups - s.details.size()))});
  }
  return lines;
}

}  // namespace

std::string thousands(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string sweep_markdown(const model::CaseComparison& c, const model::Comparison& comparison) {
  std::string out;
  for (const auto& line : sweep_lines(c, comparison))
    out +=
        std::string(static_cast<std::size_t>(line.depth) * 2, ' ') + "- " + markdown_cell(line.text) + "\n";
  return out.empty() ? out : "Sweep tables against `" + comparison.reference + "`:\n\n" + out + "\n";
}

std::string sweep_html(const model::CaseComparison& c, const model::Comparison& comparison) {
  const auto lines = sweep_lines(c, comparison);
  if (lines.empty()) return "";
  std::string out = "<p>Sweep tables against " + html_escape(comparison.reference) + ":</p>";
  // Nested lists: an item's deeper lines go into a list inside it.
  int depth = -1;
  for (const auto& line : lines) {
    if (line.depth > depth) {
      for (; depth < line.depth; ++depth) out += "<ul class=sweep>";
    } else {
      out += "</li>";
      for (; depth > line.depth; --depth) out += "</ul></li>";
    }
    out += "<li>" + html_escape(line.text);
  }
  out += "</li>";
  for (; depth > 0; --depth) out += "</ul></li>";
  out += "</ul>";
  return out;
}

}  // namespace libcdiff::report
