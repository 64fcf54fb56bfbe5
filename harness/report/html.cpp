#include "report/html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "report/bench_extras.hpp"
#include "report/bench_tables.hpp"
#include "report/checklist.hpp"
#include "report/image_versions.hpp"
#include "report/sweep_text.hpp"

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
code{font-size:90%}pre{background:#f6f6f6;padding:6px;overflow-x:auto;font-size:85%}.note{color:#555;font-style:italic}tr.unreliable td{color:#888;font-style:italic}td.desc{font-size:85%;color:#444}
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
    if (const auto sides = versus_summary(c, *k); !sides.empty())
      out += "<li>Against " + html_escape(c.reference) + ": " + html_escape(sides) + "</li>";
    if (!k->breaks.empty()) out += "<li>What breaks: " + html_escape(k->breaks) + "</li>";
    if (!k->apis.empty()) out += "<li>Look for: " + code_list(k->apis) + "</li>";
    out += k->fix.empty()
               ? "<li>Fix: none recorded: no expectation documents this difference; investigate it "
                 "from the observations.</li>"
               : "<li>Fix: " + html_escape(k->fix) + "</li>";
    if (!k->note.empty()) out += "<li>Note: " + html_escape(k->note) + "</li>";
    if (!k->acknowledgement.empty())
      out += "<li>Acknowledged by your team: " + html_escape(k->acknowledgement) + "</li>";
    if (!k->policy_failure.empty())
      out += "<li class=cls-error>CI policy: " + html_escape(k->policy_failure) + "</li>";
    out += fmt::format("<li>Evidence: <a href=\"#{}\">observations</a></li></ul></li>", case_anchor(k->id));
  }
  return out + (risk.empty() ? "" : "</ol>");
}

std::string footprint_html(const model::Comparison& c) {
  const auto rows = footprint_rows(c);
  if (rows.empty()) return "";
  std::string out = "<h2 id=\"footprint\">Footprint</h2><table><tr><th></th>";
  for (const auto& t : c.targets) out += "<th>" + html_escape(t.label) + "</th>";
  out += "</tr>";
  for (const auto& r : rows) {
    out += "<tr><td>" + html_escape(r.label) + "</td>";
    for (const auto& v : r.values) out += "<td class=num>" + html_escape(v) + "</td>";
    out += "</tr>";
  }
  return out + "</table>";
}

std::string case_table(const model::CaseComparison& k, const std::vector<model::TargetSummary>& targets) {
  std::set<std::string> keys;
  for (const auto& [t, obs] : k.observations)
    for (const auto& [key, v] : obs) keys.insert(key);
  if (keys.empty() || targets.size() < 2) return "";
  std::string out = "<table><tr><th>observation</th>";
  for (const auto& t : targets) out += "<th>" + html_escape(t.label) + "</th>";
  out += "</tr>";
  const auto value = [&](const std::string& target, const std::string& key) {
    const auto it = k.observations.find(target);
    if (it == k.observations.end() || !it->second.count(key)) return std::string("—");
    return html_escape(it->second.at(key));
  };
  for (const auto& key : keys) {
    const bool unexpected = std::count(k.unexpected_keys.begin(), k.unexpected_keys.end(), key) > 0;
    const bool differs = std::count(k.differing_keys.begin(), k.differing_keys.end(), key) > 0;
    out += fmt::format("<tr class=\"{}\"><td><code>{}</code></td>",
                       unexpected ? "unexpected"
                       : differs  ? "diff"
                                  : "",
                       html_escape(key));
    for (const auto& t : targets) out += "<td>" + value(t.label, key) + "</td>";
    out += "</tr>";
  }
  return out + "</table>";
}

std::string benchmark_rows_html(const model::BenchmarkSummary& pair,
                                const std::vector<model::BenchmarkComparison>& rows) {
  std::string out = fmt::format(
      "<table><tr><th>benchmark</th><th>{}</th><th>{}</th><th>ratio</th><th>95% CI</th><th>p</th>"
      "<th>instructions ratio</th><th>verdict</th><th>what it measures</th></tr>",
      html_escape(pair.side), html_escape(pair.reference));
  const auto median = [](const model::BenchmarkComparison& k, const std::string& label) {
    const auto it = k.median_ns.find(label);
    return it == k.median_ns.end() ? std::string("—") : human_time(it->second);
  };
  for (const auto& k : rows)
    out += fmt::format(
        "<tr{}><td><code>{}</code></td><td class=num>{}</td><td class=num>{}</td><td class=num>{:.3f}</td>"
        "<td>[{:.3f}, {:.3f}] {}</td><td class=num>{:.2g}</td><td class=num>{}</td><td>{}</td>"
        "<td class=desc>{}</td></tr>",
        k.verdict == "unreliable" ? " class=unreliable" : "", html_escape(k.name), median(k, pair.side),
        median(k, pair.reference), k.ratio, k.ci_low, k.ci_high, half_width_text(k), k.p_value,
        instruction_ratio_text(k), html_escape(verdict_text(k)), html_escape(k.description));
  return out + "</table>";
}

std::string benchmarks_html(const model::Comparison& c) {
  if (!c.has_benchmarks()) return "";
  std::string out = "<h2 id=\"benchmarks\">Benchmarks</h2>";
  out += fmt::format(
      "<p>Ratio = {} time on the side / on the reference {} (above 1: the side is slower); 95% "
      "bootstrap CI; two-sided Mann-Whitney U. <b>{}. Verdicts hold for this hardware</b>: string and "
      "memory functions in particular depend on the CPU's vector units.</p>",
      ratio_statistic(c), html_escape(c.reference), html_escape(cpu_line(c)));
  for (const auto& pair : c.bench) {
    if (!pair.present) continue;
    const auto& cal = pair.calibration;
    out += fmt::format(
        "<h3>{} vs {}</h3><p>Bootstrap seed {}. Calibration (known factor 2): <b>{:.3f}</b> "
        "[{:.3f}, {:.3f}]. Geometric means of reliable ratios per area:",
        html_escape(pair.side), html_escape(pair.reference), pair.seed, cal.ratio, cal.ci_low, cal.ci_high);
    for (const auto& [area, mean] : pair.area_geometric_mean_ratio)
      out += fmt::format(" {} <b>{:.3f}</b>", html_escape(area), mean);
    out += "</p>";
    if (const auto precision = precision_text(pair); !precision.empty())
      out += "<p>" + html_escape(precision) + "</p>";
    for (const auto& w : pair.warnings) out += "<p class=note>warning: " + html_escape(w) + "</p>";
    out += "<div>" + forest_plot_svg(pair) + "</div>";
    std::vector<model::BenchmarkComparison> micro, workloads;
    for (const auto& k : pair.rows) (k.area == "workloads" ? workloads : micro).push_back(k);
    if (!micro.empty()) out += benchmark_rows_html(pair, micro);
    if (!workloads.empty())
      out += "<h4 id=\"workloads\">Workloads</h4>" + benchmark_rows_html(pair, workloads);
    out += median_ratio_notes_html(pair);
    out += metrics_notes_html(pair);
    out += allocator_table_html(pair);
  }
  return out;
}

std::string sides_title(const model::Comparison& c) {
  std::string out;
  for (const auto& t : c.targets) out += (out.empty() ? "" : " vs ") + t.label;
  return out.empty() ? "?" : out;
}

}  // namespace

std::string render_html(const model::Comparison& c) {
  std::string out = fmt::format(
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>libcdiff: {0}</title><style>{1}</style>"
      "</head><body><h1>libcdiff report: {0}</h1><p>Generated {2}.</p>",
      html_escape(sides_title(c)), kStyle, html_escape(c.generated_at));
  std::vector<std::string> areas;
  for (const auto& k : c.cases)
    if (std::find(areas.begin(), areas.end(), k.area) == areas.end()) areas.push_back(k.area);
  const auto area_title = [&](const std::string& area) {
    const auto* meta = c.area_text(area);
    return meta && !meta->title.empty() ? meta->title : area;
  };
  out +=
      "<nav><b>Contents</b><ul><li><a href=\"#checklist\">Migration checklist</a></li>"
      "<li><a href=\"#targets\">Targets and summary</a></li>";
  if (c.has_benchmarks()) out += "<li><a href=\"#benchmarks\">Benchmarks</a></li>";
  if (!footprint_rows(c).empty()) out += "<li><a href=\"#footprint\">Footprint</a></li>";
  for (const auto& area : areas)
    out +=
        fmt::format("<li><a href=\"#area-{}\">{}</a></li>", html_escape(area), html_escape(area_title(area)));
  out += "</ul></nav>";
  out += checklist_html(c);
  out +=
      "<h2 id=\"targets\">Targets</h2><p>Each side is one run of a target; every other side is "
      "classified against the reference.</p><table><tr><th>side</th><th>target</th><th>run started</th>"
      "<th>libc</th><th>package</th><th>link</th><th>compiler</th><th>C++ library</th><th>thread stack</th>"
      "</tr>";
  for (const auto& t : c.targets) {
    const auto& p = t.provenance;
    out += fmt::format(
        "<tr><td>{}{}</td><td>{}</td><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td class=num>{}</td></tr>",
        html_escape(t.label), t.label == c.reference ? " (reference)" : "", html_escape(t.id),
        html_escape(t.started_at), html_escape(p.libc.family), html_escape(p.libc.version),
        html_escape(p.libc.package_version), html_escape(p.libc.link_mode), html_escape(p.compiler),
        html_escape(p.cxx_library),
        // -1: not measured (a benchmark-only run has no threads case); markdown says "?" too.
        p.thread_default_stack_bytes < 0 ? std::string("?") : std::to_string(p.thread_default_stack_bytes));
  }
  out += "</table>";
  if (const auto images = image_versions(c); !images.empty()) {
    out +=
        "<p>Versions read inside the images:</p><table><tr><th>side</th><th>system</th><th>libc package</th>"
        "<th>tzdata</th><th>compiler</th></tr>";
    for (const auto& v : images)
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                         html_escape(v.label), html_escape(v.system), html_escape(v.libc),
                         html_escape(v.tzdata), html_escape(v.compiler));
    out += "</table>";
  }
  if (!c.baseline.empty()) {
    std::map<std::string, std::vector<std::string>> by_status;
    for (const auto& k : c.cases)
      if (!k.baseline.empty()) by_status[k.baseline].push_back(k.id);
    out += fmt::format("<p><b>Baseline</b> {}: {} new, {} changed, {} resolved, {} unchanged.</p><ul>",
                       html_escape(c.baseline), by_status["new"].size(), by_status["changed"].size(),
                       by_status["resolved"].size(), by_status["unchanged"].size());
    for (const char* status : {"new", "changed", "resolved"})
      for (const auto& id : by_status[status])
        out += fmt::format("<li>{}: <code>{}</code></li>", status, html_escape(id));
    out += "</ul>";
  }
  out += "<h2>Summary</h2><table>";
  for (const auto& [cls, n] : c.counts())
    out += fmt::format("<tr><td class=\"cls-{0}\">{0}</td><td class=num>{1}</td></tr>", to_string(cls), n);
  out += "</table>";
  if (!c.policy.empty()) {
    int failing = 0, acknowledged = 0;
    for (const auto& k : c.cases) {
      failing += k.policy_failure.empty() ? 0 : 1;
      acknowledged += k.acknowledgement.empty() ? 0 : 1;
    }
    out += fmt::format(
        "<p><b>CI policy</b> <code>--fail-on {}</code>: {} cases fail the run, {} acknowledged by "
        "your team.</p>",
        html_escape(c.policy), failing, acknowledged);
    for (const auto& n : c.policy_notes) out += "<p class=note>" + html_escape(n) + "</p>";
  }
  for (const auto& w : c.warnings) out += "<p class=note>warning: " + html_escape(w) + "</p>";
  out += sweep_overview_html(c);
  out += benchmarks_html(c);
  out += footprint_html(c);
  for (const auto& area : areas) {
    const auto* meta = c.area_text(area);
    out += fmt::format("<h2 id=\"area-{}\">{}</h2>", html_escape(area), html_escape(area_title(area)));
    if (meta && !meta->migration.empty())
      out += "<p><b>What this means for your migration.</b> " + html_escape(meta->migration) + "</p>";
    for (const auto& k : c.cases) {
      if (k.area != area) continue;
      out += fmt::format("<h3 id=\"{}\"><code>{}</code> — {}</h3><p><span class=\"cls-{}\">{}</span>{}</p>",
                         case_anchor(k.id), html_escape(k.id), html_escape(k.title), to_string(k.cls),
                         to_string(k.cls), k.risk.empty() ? "" : " · risk " + html_escape(k.risk));
      if (!k.reason.empty()) out += "<p class=note>" + html_escape(k.reason) + "</p>";
      if (const auto sides = versus_summary(c, k); !sides.empty())
        out += "<p>Against " + html_escape(c.reference) + ": " + html_escape(sides) + "</p>";
      if (const auto groups = groups_summary(k); !groups.empty())
        out += "<p>Same observations: " + html_escape(groups) + "</p>";
      if (!k.image_difference.empty() && k.reason.find(k.image_difference) == std::string::npos)
        out += "<p class=note>Image difference (not the libc): " + html_escape(k.image_difference) + "</p>";
      if (!k.breaks.empty() && k.cls != model::CaseClass::same)
        out += "<p>What breaks: " + html_escape(k.breaks) + "</p>";
      if (!k.fix.empty() && k.cls != model::CaseClass::same) out += "<p>Fix: " + html_escape(k.fix) + "</p>";
      if (!k.note.empty()) out += "<p>Note: " + html_escape(k.note) + "</p>";
      if (!k.acknowledgement.empty())
        out += "<p>Acknowledged by your team: " + html_escape(k.acknowledgement) + "</p>";
      if (!k.policy_failure.empty())
        out += "<p class=cls-error>CI policy: " + html_escape(k.policy_failure) + "</p>";
      if (!k.apis.empty()) out += "<p>Look for: " + code_list(k.apis) + "</p>";
      out += case_table(k, c.targets);
      out += sweep_html(k, c);
      for (const auto& t : c.targets) {
        const auto message = k.messages.find(t.label);
        if (message == k.messages.end()) continue;
        const auto outcome = k.outcomes.find(t.label);
        out += fmt::format("<p class=note>{} ({}): {}</p>", html_escape(t.label),
                           outcome == k.outcomes.end() ? "no outcome" : to_string(outcome->second),
                           html_escape(message->second));
      }
      if (!k.log_difference.empty()) out += "<pre>" + html_escape(k.log_difference) + "</pre>";
      if (!k.hints.empty()) {
        out += "<p>Likely causes (hints, not verdicts):</p><ul>";
        for (const auto& h : k.hints) out += "<li>" + html_escape(h) + "</li>";
        out += "</ul>";
      }
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
