#include "report/scan_outputs.hpp"

#include <fmt/format.h>

#include <map>
#include <string_view>

#include "report/markdown.hpp"
#include "report/source_scan_outputs.hpp"

namespace libcdiff::report {
namespace {

using nlohmann::ordered_json;

std::string verdict_line(const model::BinaryScan& b) {
  if (b.verdict == "loads") return "loads";
  if (b.verdict == "needs-rebuild")
    return fmt::format(
        "needs a rebuild ({} missing symbol{}{})", b.missing.size(), b.missing.size() == 1 ? "" : "s",
        b.missing_libraries.empty() ? "" : fmt::format(", {} missing libraries", b.missing_libraries.size()));
  if (b.verdict == "not-dynamic") return "does not depend on the libc (static or Go without cgo)";
  if (b.verdict == "wrong-arch") return "another architecture: not checked";
  return "error: " + b.error;
}

std::map<std::string, std::vector<const model::MissingSymbol*>> by_cause(const model::BinaryScan& b) {
  std::map<std::string, std::vector<const model::MissingSymbol*>> out;
  for (const auto& m : b.missing) out[m.cause].push_back(&m);
  return out;
}

// What each cause means, for people.
std::string cause_text(const std::string& cause) {
  if (cause == "fortify") return "fortify (_FORTIFY_SOURCE's checked variants: glibc only)";
  if (cause == "glibc-private") return "glibc-private names";
  if (cause == "gnu-extension") return "GNU extensions musl does not have";
  if (cause == "not-in-glibc")
    return "from libraries musl's loader did not find (their musl builds would provide them)";
  if (cause == "unsupported-relocation") return "relocation types musl's loader does not implement";
  if (cause == "musl-only") return "APIs musl has and this glibc does not";
  if (cause == "not-in-musl") return "from libraries the loader did not find or that are too old";
  if (cause == "missing-version")
    return "symbol versions newer than this glibc or library (built on a newer system)";
  return cause;
}

ordered_json risk_to_json(const scan::ScanRisk& r) {
  return {{"case", r.case_id},        {"apis", r.apis}, {"risk", r.risk}, {"title", r.title},
          {"breaks", r.breaks},       {"fix", r.fix},   {"class", r.cls}, {"observed", r.observed},
          {"heuristic", r.heuristic}, {"why", r.why}};
}

// SARIF's artifactLocation.uri is a URI reference (RFC 3986), not a file name: every byte of the path
// but the unreserved characters, the sub-delimiters, '@' and '/' is percent-encoded ("/usr/bin/[" ->
// "/usr/bin/%5B", "a b#1" -> "a%20b%231"). ':' is encoded too, so that a relative path never reads
// as a scheme.
std::string sarif_uri(const std::string& path) {
  const auto uri = file_uri(path);  // the same encoding; binaries keep their plain path
  return uri.starts_with("file://") ? uri.substr(7) : uri;
}

std::string sarif_level(const std::string& risk) {
  return risk == "high" ? "error" : risk == "medium" ? "warning" : "note";
}

}  // namespace

std::string render_scan_markdown(const model::ScanResult& s) {
  std::string out =
      fmt::format("# libcdiff scan: against `{}`\n\nGenerated {}. Target libc: {}.{}\n\n", s.target,
                  s.generated_at, s.target_libc,
                  s.comparison.empty() ? " No comparison joined: risks come from the case catalog."
                                       : " Observed values from " + s.comparison + ".");
  if (s.target_libc.starts_with("glibc"))
    out +=
        "The reverse direction: programs checked against glibc. The cases' texts describe a move to musl "
        "(Alpine); each difference applies here the other way round.\n\n";
  int loads = 0, rebuild = 0, independent = 0, other = 0;
  for (const auto& b : s.binaries) {
    loads += b.verdict == "loads";
    rebuild += b.verdict == "needs-rebuild";
    independent += b.verdict == "not-dynamic";
    other += b.verdict != "loads" && b.verdict != "needs-rebuild" && b.verdict != "not-dynamic";
  }
  if (!s.binaries.empty() || s.sources.empty())
    out += fmt::format(
        "| binaries | load | need a rebuild | do not depend on the libc | not checked "
        "|\n|---:|---:|---:|---:|---:|\n"
        "| {} | {} | {} | {} | {} |\n\n",
        s.binaries.size(), loads, rebuild, independent, other);
  for (const auto& p : s.problems) out += "- could not scan: " + markdown_cell(p) + "\n";
  if (!s.problems.empty()) out += "\n";
  out += render_source_scans_markdown(s.sources, s.target);
  for (const auto& b : s.binaries) {
    out += fmt::format("## `{}`\n\n**{}**. {} {}, {}, linked against {}{}.\n\n", b.path, verdict_line(b),
                       b.machine, b.kind, b.language, b.linked_libc.empty() ? "nothing" : b.linked_libc,
                       b.interpreter.empty() ? "" : " (interpreter `" + b.interpreter + "`)");
    for (const auto& [cause, symbols] : by_cause(b)) {
      out += fmt::format("- missing, {} ({}):", cause_text(cause), symbols.size());
      for (const auto* m : symbols)
        out += fmt::format(" `{}`{}", m->name,
                           m->build_probe.empty() ? "" : " (probe: `" + m->build_probe + "`)");
      out += "\n";
    }
    for (const auto& lib : b.missing_libraries) out += fmt::format("- missing library: `{}`\n", lib);
    if (!b.missing.empty() || !b.missing_libraries.empty()) out += "\n";
    if (!b.risks.empty()) {
      out += "| risk | case | via | what breaks | observed | fix |\n|---|---|---|---|---|---|\n";
      for (const auto& r : b.risks) {
        std::string via;
        for (const auto& a : r.apis) via += (via.empty() ? "`" : ", `") + a + "`";
        out += fmt::format("| {} | `{}`{} | {} | {} | {} | {} |\n", r.risk.empty() ? "unrated" : r.risk,
                           r.case_id, r.heuristic ? " (heuristic)" : "", via,
                           markdown_cell(r.heuristic ? r.why + ". " + r.breaks : r.breaks),
                           markdown_cell(r.observed.empty() ? r.cls : r.observed), markdown_cell(r.fix));
      }
      out += "\n";
    }
  }
  return out;
}

ordered_json scan_to_json(const model::ScanResult& s) {
  ordered_json j;
  j["schema_version"] = s.schema_version;
  j["kind"] = "libcdiff-scan";
  j["generated_at"] = s.generated_at;
  j["target"] = s.target;
  j["target_libc"] = s.target_libc;
  j["comparison"] = s.comparison;
  j["inputs"] = s.inputs;
  j["problems"] = s.problems;
  j["binaries"] = ordered_json::array();
  for (const auto& b : s.binaries) {
    ordered_json missing = ordered_json::array();
    for (const auto& m : b.missing)
      missing.push_back({{"name", m.name}, {"cause", m.cause}, {"build_probe", m.build_probe}});
    ordered_json risks = ordered_json::array();
    for (const auto& r : b.risks) risks.push_back(risk_to_json(r));
    j["binaries"].push_back({{"path", b.path},
                             {"kind", b.kind},
                             {"machine", b.machine},
                             {"language", b.language},
                             {"linked_libc", b.linked_libc},
                             {"interpreter", b.interpreter},
                             {"needed", b.needed},
                             {"verdict", b.verdict},
                             {"error", b.error},
                             {"imports", b.imports},
                             {"missing", missing},
                             {"missing_libraries", b.missing_libraries},
                             {"risks", risks}});
  }
  j["sources"] = source_scans_to_json(s.sources);
  return j;
}

std::string render_scan_json(const model::ScanResult& s) {
  return scan_to_json(s).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_scan_sarif(const model::ScanResult& s, const std::string& tool_version) {
  ordered_json rules = ordered_json::array();
  std::map<std::string, int> rule_index;
  const auto rule = [&](const std::string& id, const std::string& title, const std::string& full,
                        const std::string& help, const std::string& risk) {
    if (const auto it = rule_index.find(id); it != rule_index.end()) return it->second;
    const int index = static_cast<int>(rules.size());
    rules.push_back({{"id", id},
                     {"shortDescription", {{"text", title.empty() ? id : title}}},
                     {"fullDescription", {{"text", full.empty() ? title : full}}},
                     {"help", {{"text", help.empty() ? "See the libcdiff report." : help}}},
                     {"defaultConfiguration", {{"level", sarif_level(risk)}}},
                     {"properties", {{"risk", risk.empty() ? "unrated" : risk}}}});
    rule_index[id] = index;
    return index;
  };
  ordered_json results = ordered_json::array();
  const auto location = [](const std::string& path) {
    return ordered_json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", sarif_uri(path)}}}}}}});
  };
  for (const auto& b : s.binaries) {
    for (const auto& [cause, symbols] : by_cause(b)) {
      const std::string id = "missing-symbol/" + cause;
      const int index = rule(
          id, "Imports a symbol the target libc does not export (" + cause + ")",
          "The binary will not load on " + s.target + ": the dynamic loader cannot relocate these symbols.",
          "Rebuild against the target libc; fortify wrappers disappear with _FORTIFY_SOURCE=0 or a musl "
          "toolchain.",
          "high");
      std::string names;
      for (const auto* m : symbols) names += (names.empty() ? "" : ", ") + m->name;
      results.push_back(
          {{"ruleId", id},
           {"ruleIndex", index},
           {"level", "error"},
           {"message",
            {{"text", fmt::format("{} does not load on {}: missing {}", b.path, s.target, names)}}},
           {"locations", location(b.path)}});
    }
    if (!b.missing_libraries.empty()) {
      const int index = rule(
          "missing-library", "Needs a library, or a library version, the target's loader does not find",
          "The binary will not load on " + s.target +
              ": a DT_NEEDED library is not in the search path, or lacks a version it requires.",
          "Install the library built for the target libc (e.g. from Alpine's packages for musl) or rebuild.",
          "high");
      std::string names;
      for (const auto& l : b.missing_libraries) names += (names.empty() ? "" : "; ") + l;
      results.push_back({{"ruleId", "missing-library"},
                         {"ruleIndex", index},
                         {"level", "error"},
                         {"message", {{"text", b.path + " does not load on " + s.target + ": " + names}}},
                         {"locations", location(b.path)}});
    }
    for (const auto& r : b.risks) {
      const int index = rule(r.case_id, r.title, r.breaks, r.fix, r.risk);
      std::string via;
      for (const auto& a : r.apis) via += (via.empty() ? "" : ", ") + a;
      results.push_back({{"ruleId", r.case_id},
                         {"ruleIndex", index},
                         {"level", sarif_level(r.risk)},
                         {"message",
                          {{"text", fmt::format("{} uses {}: {}{}{}", b.path, via,
                                                r.heuristic ? "(heuristic) " + r.why + ". " : "", r.breaks,
                                                r.observed.empty() ? "" : " Observed: " + r.observed)}}},
                         {"locations", location(b.path)}});
    }
  }
  add_source_scan_sarif_results(s.sources, s.target, rule, results);
  ordered_json run = {
      {"tool", {{"driver", {{"name", "libcdiff"}, {"version", tool_version}, {"rules", rules}}}}},
      {"results", results}};
  ordered_json sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                        {"version", "2.1.0"},
                        {"runs", ordered_json::array({run})}};
  return sarif.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace libcdiff::report
