#include "report/sweep_text.hpp"

#include <fmt/format.h>

#include <functional>

#include "report/html.hpp"
#include "report/markdown.hpp"
#include "util/text.hpp"

namespace libcdiff::report {
namespace {

using util::count_of;
using util::thousands;

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
      head += fmt::format(
          " ({} expected, {} unexpected) in {}, {}", thousands(s.expected), thousands(s.unexpected),
          s.groups == 1 ? "1 family" : thousands(s.groups) + " families", count_of(s.ranges, "range"));
    if (!s.full_diff.empty()) head += "; full diff: " + s.full_diff;
    lines.push_back({0, head});
    for (const auto& idle : s.idle_expectations) lines.push_back({1, "expected but did not occur: " + idle});
    for (const auto& g : s.details) {
      std::string family = g.family.empty() ? "(keys without a family)" : g.family;
      std::string only;
      if (g.only_side > 0) only += fmt::format(", {} only on {}", thousands(g.only_side), t.label);
      if (g.only_reference > 0)
        only += fmt::format(", {} only on {}", thousands(g.only_reference), comparison.reference);
      lines.push_back({1, fmt::format("{}: {} in {}{}", family, count_of(g.keys, "key"),
                                      count_of(g.ranges, "range"), only)});
      for (const auto& p : g.parts) {
        lines.push_back({2, fmt::format("{}: {} in {}", part_title(p), count_of(p.keys, "key"),
                                        count_of(p.ranges, "range"))});
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
