#include "report/html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "report/bench_tables.hpp"
#include "report/checklist.hpp"

namespace libcdiff::report {

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

constexpr const char* kStyle = R"(
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#222}
table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;vertical-align:top}
th{background:#f3f3f3}td.num{text-align:right}.diff{background:#fff3cd}.unexpected{background:#f8d7da}
.cls-error,.cls-unexpected-difference,.cls-crash,.cls-timeout{color:#a00;font-weight:bold}.cls-expected-difference{color:#555}
code{font-size:90%}.note{color:#555;font-style:italic}
nav ul{columns:3}ol.checklist li{margin-bottom:0.8em}ol.checklist ul{margin:0.2em 0}
)";

std::string code_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "<code>" : ", <code>") + html_escape(n) + "</code>";
  return out;
}

std::string checklist_html(const model::Comparison& c) {
  const auto list = migration_checklist(c);
  std::string out = "<h2 id=\"checklist\">Migration checklist</h2>";
  const std::string counts = risk_counts(list);
  out += list.items.empty() ? "<p>Both behaved the same in every case that ran.</p>"
                            : fmt::format("<p>{} differences to handle ({} risk), most important first.</p>",
                                          list.items.size(), counts);
  if (!list.no_answer.empty())
    out += fmt::format(
        "<p class=\"cls-error\">No answer for {} cases: their suites did not build or run on a "
        "target (class error below).</p>",
        list.no_answer.size());
  std::string risk;
  for (const auto* k : list.items) {
    const std::string this_risk = k->risk.empty() ? "unrated" : k->risk;
    if (this_risk != risk) {
      out += std::string(risk.empty() ? "" : "</ol>") + "<h3>" + html_escape(this_risk) +
             " risk</h3><ol class=checklist>";
      risk = this_risk;
    }
    out += fmt::format("<li><b>{}</b> (<code>{}</code>, {}: <span class=\"cls-{}\">{}</span>)<ul>",
                       html_escape(k->title.empty() ? k->id : k->title), html_escape(k->id),
                       html_escape(k->area), to_string(k->cls), to_string(k->cls));
    if (!k->breaks.empty()) out += "<li>What breaks: " + html_escape(k->breaks) + "</li>";
    if (!k->apis.empty()) out += "<li>Look for: " + code_list(k->apis) + "</li>";
    out += k->fix.empty()
               ? "<li>Fix: none recorded: no expectation documents this difference; investigate it "
                 "from the observations.</li>"
               : "<li>Fix: " + html_escape(k->fix) + "</li>";
    if (!k->note.empty()) out += "<li>Note: " + html_escape(k->note) + "</li>";
    out += fmt::format("<li>Evidence: <a href=\"#{}\">observations</a></li></ul></li>", case_anchor(k->id));
  }
  return out + (risk.empty() ? "" : "</ol>");
}

std::string footprint_html(const model::Comparison& c) {
  const auto rows = footprint_rows(c);
  if (rows.empty()) return "";
  std::string out =
      fmt::format("<h2 id=\"footprint\">Footprint</h2><table><tr><th></th><th>{}</th><th>{}</th></tr>",
                  html_escape(c.targets[0].id), html_escape(c.targets[1].id));
  for (const auto& r : rows)
    out += fmt::format("<tr><td>{}</td><td class=num>{}</td><td class=num>{}</td></tr>", html_escape(r.label),
                       html_escape(r.a), html_escape(r.b));
  return out + "</table>";
}

std::string case_table(const model::CaseComparison& k, const std::vector<model::TargetSummary>& targets) {
  std::set<std::string> keys;
  for (const auto& [t, obs] : k.observations)
    for (const auto& [key, v] : obs) keys.insert(key);
  if (keys.empty() || targets.size() < 2) return "";
  std::string out = fmt::format("<table><tr><th>observation</th><th>{}</th><th>{}</th></tr>",
                                html_escape(targets[0].id), html_escape(targets[1].id));
  const auto value = [&](const std::string& target, const std::string& key) {
    const auto it = k.observations.find(target);
    if (it == k.observations.end() || !it->second.count(key)) return std::string("—");
    return html_escape(it->second.at(key));
  };
  for (const auto& key : keys) {
    const bool unexpected = std::count(k.unexpected_keys.begin(), k.unexpected_keys.end(), key) > 0;
    const bool differs = std::count(k.differing_keys.begin(), k.differing_keys.end(), key) > 0;
    out += fmt::format("<tr class=\"{}\"><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                       unexpected ? "unexpected"
                       : differs  ? "diff"
                                  : "",
                       html_escape(key), value(targets[0].id, key), value(targets[1].id, key));
  }
  return out + "</table>";
}

}  // namespace

std::string render_html(const model::Comparison& c, const model::CaseCatalog& catalog,
                        const std::string& forest_svg) {
  const std::string a = c.targets.size() > 0 ? c.targets[0].id : "?";
  const std::string b = c.targets.size() > 1 ? c.targets[1].id : "?";
  std::string out = fmt::format(
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>libcdiff: {0} vs "
      "{1}</title><style>{2}</style>"
      "</head><body><h1>libcdiff report: {0} vs {1}</h1><p>Generated {3}.</p>",
      html_escape(a), html_escape(b), kStyle, html_escape(c.generated_at));
  std::vector<std::string> areas;
  for (const auto& k : c.cases)
    if (std::find(areas.begin(), areas.end(), k.area) == areas.end()) areas.push_back(k.area);
  out +=
      "<nav><b>Contents</b><ul><li><a href=\"#checklist\">Migration checklist</a></li>"
      "<li><a href=\"#targets\">Targets and summary</a></li>";
  if (c.bench.present) out += "<li><a href=\"#benchmarks\">Benchmarks</a></li>";
  if (!footprint_rows(c).empty()) out += "<li><a href=\"#footprint\">Footprint</a></li>";
  for (const auto& area : areas) {
    const auto* meta = catalog.find_area(area);
    out += fmt::format("<li><a href=\"#area-{}\">{}</a></li>", html_escape(area),
                       html_escape(meta && !meta->title.empty() ? meta->title : area));
  }
  out += "</ul></nav>";
  out += checklist_html(c);
  out +=
      "<h2 "
      "id=\"targets\">Targets</h2><table><tr><th>target</th><th>libc</th><th>package</th><th>link</"
      "th><th>compiler</th>"
      "<th>C++ library</th><th>thread stack</th></tr>";
  for (const auto& t : c.targets) {
    const auto& p = t.provenance;
    out += fmt::format(
        "<tr><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=num>{}</td></tr>",
        html_escape(t.id), html_escape(p.libc.family), html_escape(p.libc.version),
        html_escape(p.libc.package_version), html_escape(p.libc.link_mode), html_escape(p.compiler),
        html_escape(p.cxx_library), p.thread_default_stack_bytes);
  }
  out += "</table><h2>Summary</h2><table>";
  for (const auto& [cls, n] : c.counts())
    out += fmt::format("<tr><td class=\"cls-{0}\">{0}</td><td class=num>{1}</td></tr>", to_string(cls), n);
  out += "</table>";
  for (const auto& w : c.warnings) out += "<p class=note>warning: " + html_escape(w) + "</p>";

  if (c.bench.present) {
    out += "<h2 id=\"benchmarks\">Benchmarks</h2>";
    const auto& cal = c.bench.calibration;
    out += fmt::format(
        "<p>Ratio = median time on {0} / on {1} (above 1: {0} is slower); 95% bootstrap CI (seed {2}); "
        "two-sided Mann-Whitney U. Calibration (known factor 2): <b>{3:.3f}</b> [{4:.3f}, {5:.3f}]. "
        "Geometric mean of ratios: <b>{6:.3f}</b>.</p>",
        html_escape(a), html_escape(b), c.bench.seed, cal.ratio, cal.ci_low, cal.ci_high,
        c.bench.geometric_mean_ratio);
    for (const auto& w : c.bench.warnings) out += "<p class=note>warning: " + html_escape(w) + "</p>";
    out += forest_svg.empty()
               ? "<p class=note>gnuplot was not available: the forest plot is missing; the table "
                 "below has every value (install gnuplot-nox).</p>"
               : "<div>" + forest_svg + "</div>";
    out += fmt::format(
        "<table><tr><th>benchmark</th><th>{}</th><th>{}</th><th>ratio</th><th>95% CI</th><th>p</th>"
        "<th>verdict</th></tr>",
        html_escape(a), html_escape(b));
    for (const auto& k : c.benchmarks)
      out += fmt::format(
          "<tr><td><code>{}</code></td><td class=num>{}</td><td class=num>{}</td><td class=num>{:.3f}</td>"
          "<td>[{:.3f}, {:.3f}]</td><td class=num>{:.2g}</td><td>{}</td></tr>",
          html_escape(k.name), human_time(k.median_ns.at(a)), human_time(k.median_ns.at(b)), k.ratio,
          k.ci_low, k.ci_high, k.p_value, k.verdict);
    out += "</table>";
  }

  out += footprint_html(c);
  for (const auto& area : areas) {
    const auto* meta = catalog.find_area(area);
    out += fmt::format("<h2 id=\"area-{}\">{}</h2>", html_escape(area),
                       html_escape(meta && !meta->title.empty() ? meta->title : area));
    if (meta && !meta->migration.empty())
      out += "<p><b>What this means for your migration.</b> " + html_escape(meta->migration) + "</p>";
    for (const auto& k : c.cases) {
      if (k.area != area) continue;
      out += fmt::format(
          "<h3 id=\"{}\"><code>{}</code> — {}</h3><p><span class=\"cls-{}\">{}</span> · risk {}</p>",
          case_anchor(k.id), html_escape(k.id), html_escape(k.title), to_string(k.cls), to_string(k.cls),
          html_escape(k.risk));
      if (!k.reason.empty()) out += "<p class=note>" + html_escape(k.reason) + "</p>";
      if (!k.image_difference.empty() && k.reason.find(k.image_difference) == std::string::npos)
        out += "<p class=note>Image difference (not the libc): " + html_escape(k.image_difference) + "</p>";
      if (!k.breaks.empty() && k.cls != model::CaseClass::same)
        out += "<p>What breaks: " + html_escape(k.breaks) + "</p>";
      if (!k.fix.empty() && k.cls != model::CaseClass::same) out += "<p>Fix: " + html_escape(k.fix) + "</p>";
      if (!k.note.empty()) out += "<p>Note: " + html_escape(k.note) + "</p>";
      if (!k.apis.empty()) out += "<p>Look for: " + code_list(k.apis) + "</p>";
      out += case_table(k, c.targets);
      for (const auto& [target, message] : k.messages)
        out += fmt::format("<p class=note>{} ({}): {}</p>", html_escape(target),
                           to_string(k.outcomes.at(target)), html_escape(message));
      if (!k.references.empty()) {
        out += "<p>References: ";
        for (size_t i = 0; i < k.references.size(); ++i) {
          const auto& r = k.references[i];
          const bool link = r.starts_with("https://") || r.starts_with("http://");
          const auto url = link ? r.substr(0, r.find(' ')) : r;
          out += (i ? " · " : "") +
                 (link ? "<a href=\"" + html_escape(url) + "\">" + html_escape(r) + "</a>" : html_escape(r));
        }
        out += "</p>";
      }
    }
  }
  return out + "</body></html>\n";
}

}  // namespace libcdiff::report
