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

struct Overview {
  std::string label;
  int sweeps = 0;
  std::uint64_t keys = 0, differing = 0, expected = 0, unexpected = 0;
  double seconds = 0, reference_seconds = 0;
};

std::vector<Overview> overview(const model::Comparison& c) {
  std::vector<Overview> rows;
  for (const auto* t : c.compared_sides()) {
    Overview row{t->label};
    for (const auto& k : c.cases) {
      if (!k.sweep) continue;
      const auto v = k.versus.find(t->label);
      if (v == k.versus.end() || !v->second.sweep) continue;
      const auto& s = *v->second.sweep;
      ++row.sweeps;
      row.keys += s.keys_side;
      row.differing += s.differing;
      row.expected += s.expected;
      row.unexpected += s.unexpected;
      if (const auto it = k.seconds.find(t->label); it != k.seconds.end()) row.seconds += it->second;
      if (const auto it = k.seconds.find(c.reference); it != k.seconds.end())
        row.reference_seconds += it->second;
    }
    if (row.sweeps > 0) rows.push_back(row);
  }
  return rows;
}

const char* const kOverviewHead[] = {"side",     "sweeps compared", "keys",        "differ",
                                     "expected", "unexpected",      "time (side)", "time (reference)"};

std::vector<std::string> overview_cells(const Overview& r) {
  return {r.label,
          std::to_string(r.sweeps),
          thousands(r.keys),
          thousands(r.differing),
          thousands(r.expected),
          thousands(r.unexpected),
          fmt::format("{:.1f} s", r.seconds),
          fmt::format("{:.1f} s", r.reference_seconds)};
}

}  // namespace

std::string sweep_overview_markdown(const model::Comparison& comparison) {
  const auto rows = overview(comparison);
  if (rows.empty()) return "";
  std::string out =
      "## Sweeps\n\nWhole domains enumerated (sweeps.toml): every key of each table compared with "
      "the reference's (`" +
      comparison.reference + "`). Times are the suites' own, per side.\n\n|";
  for (const char* h : kOverviewHead) out += std::string(" ") + h + " |";
  out += "\n|---|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& r : rows) {
    out += "|";
    for (const auto& cell : overview_cells(r)) out += " " + markdown_cell(cell) + " |";
    out += "\n";
  }
  return out + "\n";
}

std::string sweep_overview_html(const model::Comparison& comparison) {
  const auto rows = overview(comparison);
  if (rows.empty()) return "";
  std::string out =
      "<h2 id=sweeps>Sweeps</h2><p>Whole domains enumerated (sweeps.toml): every key of each table "
      "compared with the reference's (" +
      html_escape(comparison.reference) + "). Times are the suites' own, per side.</p><table><tr>";
  for (const char* h : kOverviewHead) out += std::string("<th>") + h + "</th>";
  out += "</tr>";
  for (const auto& r : rows) {
    out += "<tr>";
    for (const auto& cell : overview_cells(r)) out += "<td>" + html_escape(cell) + "</td>";
    out += "</tr>";
  }
  return out + "</table>";
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
