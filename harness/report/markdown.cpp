#include "report/markdown.hpp"

#include "report/bench_tables.hpp"
#include "report/checklist.hpp"
#include "report/image_versions.hpp"
#include "report/sweep_text.hpp"

#include <fmt/format.h>

#include <map>

#include <algorithm>
#include <cctype>
#include <set>

namespace libcdiff::report {
namespace {

using model::CaseClass;

std::string target_line(const model::TargetSummary& t, const std::string& reference) {
  const auto& p = t.provenance;
  return fmt::format(
      "| `{}`{} | `{}` | {} | {} {} ({}) | {} | {} | {} | {} |", t.label,
      t.label == reference ? " (reference)" : "", t.id, t.started_at.empty() ? "?" : t.started_at,
      p.libc.family, p.libc.version, p.libc.package_version.empty() ? "?" : p.libc.package_version,
      p.libc.link_mode, p.compiler, p.cxx_library,
      p.thread_default_stack_bytes < 0 ? std::string("?") : std::to_string(p.thread_default_stack_bytes));
}

std::string image_versions_markdown(const model::Comparison& c) {
  std::string rows;
  for (const auto& v : image_versions(c))
    rows += fmt::format("| `{}` | {} | {} | {} | {} |\n", v.label, v.system, v.libc, v.tzdata, v.compiler);
  if (rows.empty()) return "";
  return "\nVersions read inside the images:\n\n| side | system | libc package | tzdata | compiler |\n"
         "|---|---|---|---|---|\n" +
         rows;
}

std::string sides_title(const model::Comparison& c) {
  std::string out;
  for (const auto& t : c.targets) out += (out.empty() ? "`" : " vs `") + t.label + "`";
  return out.empty() ? "?" : out;
}

std::string observation(const model::CaseComparison& c, const std::string& target, const std::string& key) {
  const auto it = c.observations.find(target);
  if (it == c.observations.end()) return "—";
  const auto v = it->second.find(key);
  return v == it->second.end() ? "—" : markdown_cell(v->second);
}

std::string code_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "`" : ", `") + n + "`";
  return out;
}

std::string render_checklist(const model::Comparison& c) {
  const auto list = migration_checklist(c);
  std::string out = "## Migration checklist\n\n";
  const std::string counts = risk_counts(list);
  out += list.items.empty() ? fmt::format("{} behaved the same in every case that ran.\n\n", sides_title(c))
                            : fmt::format(
                                  "{} (reference `{}`): {} differences to handle ({} risk), most important "
                                  "first. For each: what breaks, the libc functions to look for in your "
                                  "code, the fix, and the evidence.\n\n",
                                  sides_title(c), c.reference, list.items.size(), counts);
  if (!list.no_answer.empty())
    out += fmt::format(
        "**No answer for {} cases**: their suites did not build or run on a target (class "
        "`error` below). Nothing is known about them; fix the build and run again.\n\n",
        list.no_answer.size());
  std::string risk;
  int n = 0;
  for (const auto* k : list.items) {
    const std::string this_risk = k->risk.empty() ? "unrated" : k->risk;
    if (this_risk != risk) {
      risk = this_risk;
      out +=
          fmt::format("{}### {}{} risk\n\n", n == 0 ? "" : "\n",
                      static_cast<char>(std::toupper(static_cast<unsigned char>(risk[0]))), risk.substr(1));
    }
    out += fmt::format("{}. **{}** (`{}`, {}: {})\n", ++n, k->title.empty() ? k->id : k->title, k->id,
                       k->area, to_string(k->cls));
    if (const auto sides = versus_summary(c, *k); !sides.empty())
      out += fmt::format("   - Against `{}`: {}\n", c.reference, sides);
    if (!k->breaks.empty()) out += fmt::format("   - What breaks: {}\n", k->breaks);
    if (!k->apis.empty()) out += fmt::format("   - Look for: {}\n", code_list(k->apis));
    out += k->fix.empty()
               ? "   - Fix: none recorded: no expectation documents this difference; investigate it "
                 "from the observations.\n"
               : fmt::format("   - Fix: {}\n", k->fix);
    if (!k->note.empty()) out += fmt::format("   - Note: {}\n", k->note);
    if (!k->acknowledgement.empty())
      out += fmt::format("   - Acknowledged by your team: {}\n", k->acknowledgement);
    if (!k->policy_failure.empty()) out += fmt::format("   - CI policy: {}\n", k->policy_failure);
    if (!k->baseline.empty()) out += fmt::format("   - Since the baseline: {}\n", k->baseline);
    out += fmt::format("   - Evidence: [observations](#{})\n", case_anchor(k->id));
  }
  return out + (list.items.empty() ? "" : "\n");
}

std::string policy_markdown(const model::Comparison& c) {
  if (c.policy.empty()) return "";
  int failing = 0, acknowledged = 0;
  for (const auto& k : c.cases) {
    failing += k.policy_failure.empty() ? 0 : 1;
    acknowledged += k.acknowledgement.empty() ? 0 : 1;
  }
  std::string out =
      fmt::format("**CI policy** `--fail-on {}`: {} cases fail the run, {} acknowledged by your team.\n\n",
                  c.policy, failing, acknowledged);
  if (!c.baseline.empty()) {
    std::map<std::string, std::vector<std::string>> by_status;
    for (const auto& k : c.cases)
      if (!k.baseline.empty()) by_status[k.baseline].push_back(k.id);
    out += fmt::format("**Baseline** {}: {} new, {} changed, {} resolved, {} unchanged.\n", c.baseline,
                       by_status["new"].size(), by_status["changed"].size(), by_status["resolved"].size(),
                       by_status["unchanged"].size());
    for (const char* status : {"new", "changed", "resolved"})
      for (const auto& id : by_status[status]) out += fmt::format("- {}: `{}`\n", status, id);
    out += "\n";
  }
  for (const auto& n : c.policy_notes) out += "- " + n + "\n";
  return out + (c.policy_notes.empty() ? "" : "\n");
}

void render_case(std::string& out, const model::CaseComparison& c, const model::Comparison& comparison) {
  const auto& targets = comparison.targets;
  out += fmt::format("<a id=\"{}\"></a>\n\n#### `{}` — {}\n\n", case_anchor(c.id), c.id,
                     c.title.empty() ? "(no metadata in cases.toml)" : c.title);
  out += fmt::format("**{}**{}", to_string(c.cls), c.risk.empty() ? "" : fmt::format(" · risk: {}", c.risk));
  if (c.failed) out += " · **assertion failed**";
  out += "\n\n";
  if (!c.reason.empty()) out += fmt::format("*{}*\n\n", markdown_cell(c.reason));
  if (const auto sides = versus_summary(comparison, c); !sides.empty())
    out += fmt::format("Against `{}`: {}\n\n", comparison.reference, sides);
  if (const auto groups = groups_summary(c); !groups.empty())
    out += fmt::format("Same observations: {}\n\n", groups);
  if (!c.image_difference.empty() && c.reason.find(c.image_difference) == std::string::npos)
    out += fmt::format("Image difference (not the libc): {}\n\n", markdown_cell(c.image_difference));
  if (!c.breaks.empty() && c.cls != CaseClass::same) out += fmt::format("What breaks: {}\n\n", c.breaks);
  if (!c.fix.empty() && c.cls != CaseClass::same) out += fmt::format("Fix: {}\n\n", c.fix);
  if (!c.note.empty()) out += fmt::format("Note: {}\n\n", c.note);
  if (!c.acknowledgement.empty()) out += fmt::format("Acknowledged by your team: {}\n\n", c.acknowledgement);
  if (!c.policy_failure.empty()) out += fmt::format("CI policy: {}\n\n", c.policy_failure);
  if (!c.apis.empty()) out += fmt::format("Look for: {}\n\n", code_list(c.apis));
  std::set<std::string> keys;
  for (const auto& [target, obs] : c.observations)
    for (const auto& [k, v] : obs) keys.insert(k);
  if (!keys.empty() && targets.size() >= 2) {
    out += "| observation |";
    std::string rule = "|---|";
    for (const auto& t : targets) {
      out += " `" + t.label + "` |";
      rule += "---|";
    }
    out += " |\n" + rule + "---|\n";
    for (const auto& key : keys) {
      const bool differs =
          std::find(c.differing_keys.begin(), c.differing_keys.end(), key) != c.differing_keys.end();
      const bool unexpected =
          std::find(c.unexpected_keys.begin(), c.unexpected_keys.end(), key) != c.unexpected_keys.end();
      out += "| " + markdown_cell(key) + " |";
      for (const auto& t : targets) out += " " + observation(c, t.label, key) + " |";
      out += std::string(unexpected ? " **≠ unexpected** |" : differs ? " ≠ |" : " |") + "\n";
    }
    out += "\n";
  }
  out += sweep_markdown(c, comparison);
  for (const auto& t : targets) {
    const auto message = c.messages.find(t.label);
    if (message == c.messages.end()) continue;
    const auto outcome = c.outcomes.find(t.label);
    out += fmt::format("- `{}` ({}): {}\n", t.label,
                       outcome == c.outcomes.end() ? "no outcome" : to_string(outcome->second),
                       markdown_cell(message->second));
  }
  if (!c.messages.empty()) out += "\n";
  if (!c.log_difference.empty()) out += "```text\n" + c.log_difference + "```\n\n";
  if (!c.hints.empty()) {
    out += "Likely causes (hints, not verdicts):\n\n";
    for (const auto& h : c.hints) out += "- " + markdown_cell(h) + "\n";
    out += "\n";
  }
  if (!c.references.empty()) {
    out += "References: ";
    for (size_t i = 0; i < c.references.size(); ++i) out += (i ? " · " : "") + c.references[i];
    out += "\n\n";
  }
}

}  // namespace

std::string markdown_cell(const std::string& value) {
  if (value.empty()) return "(empty)";
  std::string out;
  for (char ch : value) {
    if (ch == '|')
      out += "\\|";
    else if (ch == '\n')
      out += "<br>";
    else if (ch == '`')
      out += "\\`";
    else
      out += ch;
  }
  return out;
}

std::string render_markdown(const model::Comparison& c) {
  std::string out;
  out += fmt::format("# libcdiff report: {}\n\nGenerated {}.\n\n", sides_title(c), c.generated_at);
  out += render_checklist(c);
  out +=
      "## Targets\n\nEach side is one run of a target; every other side is classified against the "
      "reference.\n\n| side | target | run started | libc | link | compiler | C++ library | thread stack "
      "(bytes) |\n|---|---|---|---|---|---|---|---|\n";
  for (const auto& t : c.targets) out += target_line(t, c.reference) + "\n";
  out += image_versions_markdown(c);
  out += "\n## Summary\n\n| class | cases |\n|---|---|\n";
  for (const auto& [cls, n] : c.counts()) out += fmt::format("| {} | {} |\n", to_string(cls), n);
  out += fmt::format("| failed assertions | {} |\n\n", c.failed_count());
  out += policy_markdown(c);
  out += sweep_overview_markdown(c);
  if (!c.warnings.empty()) {
    out += "## Warnings\n\n";
    for (const auto& w : c.warnings) out += "- " + w + "\n";
    out += "\n";
  }
  out +=
      "How to read this: `same` — both libcs behaved identically; `expected-difference` — a documented "
      "difference (see its reference); `unexpected-difference` — a difference no expectation covers: "
      "investigate it; `expected-but-same` — a documented difference that did not show; `skipped` — "
      "the environment lacked something (reason given); `image-difference` — the case depends on what an "
      "offline image ships, not on the libc (docker/local/image-differences.toml); `error` — no "
      "answer: the suite did not build or run on a target (the reason names the log), so nothing is "
      "known about this case.\n\n";

  out += render_benchmark_markdown(c);
  out += render_footprint_markdown(c);

  std::vector<std::string> areas;
  for (const auto& k : c.cases)
    if (std::find(areas.begin(), areas.end(), k.area) == areas.end()) areas.push_back(k.area);
  for (const auto& area : areas) {
    const auto* meta = c.area_text(area);
    out += fmt::format("## {}\n\n", meta && !meta->title.empty() ? meta->title : area);
    if (meta && !meta->migration.empty())
      out += fmt::format("**What this means for your migration.** {}\n\n", meta->migration);
    std::vector<const model::CaseComparison*> cases;
    for (const auto& k : c.cases)
      if (k.area == area) cases.push_back(&k);
    std::stable_sort(cases.begin(), cases.end(), [](const auto* x, const auto* y) {
      return model::severity_rank(x->cls) < model::severity_rank(y->cls);
    });
    out += "| case | class | risk |\n|---|---|---|\n";
    for (const auto* k : cases) out += fmt::format("| `{}` | {} | {} |\n", k->id, to_string(k->cls), k->risk);
    out += "\n";
    for (const auto* k : cases) render_case(out, *k, c);
  }
  return out;
}

}  // namespace libcdiff::report
