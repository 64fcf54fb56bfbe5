#include "history/history_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "history/history_report.hpp"
#include "report/html.hpp"

namespace libcdiff::history {
namespace {

using report::html_escape;

// One benchmark's ratios over the runs, one polyline per side, its interval as a band.
std::string trend_svg(const std::string& name, const std::vector<BenchmarkRow>& rows,
                      const std::vector<std::int64_t>& run_ids) {
  constexpr double kWidth = 340, kHeight = 110, kLeft = 38, kBottom = 18, kTop = 8, kRight = 8;
  double low = 1, high = 1;
  for (const auto& r : rows) {
    low = std::min({low, r.ci_low > 0 ? r.ci_low : r.ratio, r.ratio});
    high = std::max({high, r.ci_high, r.ratio});
  }
  const double pad = (high - low) * 0.1 + 1e-9;
  low = std::max(0.0, low - pad);  // a ratio is never negative
  high += pad;
  const auto x = [&](std::int64_t run) {
    const auto at = std::find(run_ids.begin(), run_ids.end(), run) - run_ids.begin();
    const double n = std::max<double>(1, static_cast<double>(run_ids.size() - 1));
    return kLeft + (kWidth - kLeft - kRight) * static_cast<double>(at) / n;
  };
  const auto y = [&](double v) { return kTop + (kHeight - kTop - kBottom) * (high - v) / (high - low); };
  std::string svg = fmt::format(
      "<svg viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" aria-label=\"{2}\">", kWidth,
      kHeight, html_escape(name));
  svg += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" class=\"one\"/>", kLeft,
                     kWidth - kRight, y(1), y(1));
  svg += fmt::format("<text x=\"2\" y=\"{:.1f}\">{:.2f}</text><text x=\"2\" y=\"{:.1f}\">{:.2f}</text>",
                     y(high) + 8, high, y(low), low);
  std::map<std::string, std::vector<const BenchmarkRow*>> by_side;
  for (const auto& r : rows) by_side[r.side].push_back(&r);
  int colour = 0;
  for (const auto& [side, list] : by_side) {
    std::string band_top, band_bottom, line;
    for (const auto* r : list) {
      band_top += fmt::format("{:.1f},{:.1f} ", x(r->run_id), y(r->ci_high));
      line += fmt::format("{:.1f},{:.1f} ", x(r->run_id), y(r->ratio));
    }
    for (auto it = list.rbegin(); it != list.rend(); ++it)
      band_bottom += fmt::format("{:.1f},{:.1f} ", x((*it)->run_id), y((*it)->ci_low));
    svg += fmt::format("<polygon points=\"{}{}\" class=\"band c{}\"/>", band_top, band_bottom, colour);
    svg += fmt::format("<polyline points=\"{}\" class=\"line c{}\"/>", line, colour);
    for (const auto* r : list)
      svg += fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" class=\"c{}\"><title>run {} {}: {:.3f} [{:.3f}, "
          "{:.3f}] {}</title></circle>",
          x(r->run_id), y(r->ratio), colour, r->run_id, html_escape(side), r->ratio, r->ci_low, r->ci_high,
          html_escape(r->verdict));
    ++colour;
  }
  for (const auto id : run_ids)
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=\"run\">{}</text>", x(id) - 3, kHeight - 4, id);
  return svg + "</svg>";
}

}  // namespace

std::string history_html(const HistoryDb& db) {
  const auto runs = db.runs();
  std::vector<std::int64_t> ids;
  for (const auto& r : runs) ids.push_back(r.id);
  std::string out =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>libcdiff history</title><style>"
      "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse}"
      "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}th{background:#f3f3f3}"
      ".charts{display:flex;flex-wrap:wrap;gap:1em}.chart{border:1px solid #ddd;padding:.4em}"
      ".chart h3{font-size:12px;margin:0 0 .3em;font-weight:600}svg text{font-size:9px;fill:#555}"
      ".one{stroke:#999;stroke-dasharray:3 3}.line{fill:none;stroke-width:1.6}.band{opacity:.18;stroke:none}"
      ".c0{stroke:#1f6fb2;fill:#1f6fb2}.c1{stroke:#c2571a;fill:#c2571a}.c2{stroke:#2e8b57;fill:#2e8b57}"
      ".appeared{color:#b00020}.disappeared{color:#2e7d32}</style></head><body>";
  out += fmt::format("<h1>libcdiff history</h1><p>{} runs recorded.</p>", runs.size());
  out += "<h2>Runs</h2><table><tr><th>run</th><th>compared at</th><th>sides</th><th>results</th></tr>";
  for (const auto& r : runs) {
    std::string sides;
    for (const auto& s : r.sides) sides += (sides.empty() ? "" : ", ") + s;
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>", r.id,
                       html_escape(r.generated_at), html_escape(sides), html_escape(r.results_dir));
  }
  out += "</table><h2>What changed from one run to the next</h2>";
  const auto list = changes(db);
  if (list.empty())
    out += "<p>No case began or stopped differing between consecutive runs.</p>";
  else {
    out +=
        "<table><tr><th>run</th><th>compared at</th><th>change</th><th>side</th><th>case</th><th>before</th>"
        "<th>after</th></tr>";
    for (const auto& c : list)
      out += fmt::format(
          "<tr><td>{}</td><td>{}</td><td class=\"{}\">{}</td><td>{}</td><td><code>{}</code></td>"
          "<td>{}</td><td>{}</td></tr>",
          c.run_id, html_escape(c.generated_at), c.kind, c.kind, html_escape(c.side), html_escape(c.case_id),
          html_escape(c.before), html_escape(c.after));
    out += "</table>";
  }
  const auto names = db.benchmark_names();
  out += fmt::format("<h2>Benchmarks: time ratio per run (side / reference, above 1 is slower)</h2>");
  if (names.empty()) out += "<p>No benchmarks recorded (run with --bench).</p>";
  out += "<div class=\"charts\">";
  for (const auto& name : names)
    out += fmt::format("<div class=\"chart\"><h3>{}</h3>{}</div>", html_escape(name),
                       trend_svg(name, db.benchmark_timeline(name), ids));
  return out + "</div></body></html>\n";
}

}  // namespace libcdiff::history
