#include "report/source_scan_outputs.hpp"

#include <fmt/format.h>

#include <map>
#include <string_view>

#include "report/markdown.hpp"

namespace libcdiff::report {
namespace {

using nlohmann::ordered_json;

constexpr std::size_t kPlacesShown = 50;  // per API in scan.md; scan.json has them all

std::string api_label(const model::SourceApiErrors& g) {
  return g.api.empty() ? "(no API named)" : "`" + g.api + "`";
}

std::string place(const model::SourceLocation& l) {
  return fmt::format("{}:{}:{}", l.file, l.line, l.column);
}

ordered_json location_json(const model::SourceLocation& l) {
  return {{"file", l.file}, {"line", l.line}, {"column", l.column}, {"message", l.message}};
}

}  // namespace

std::string render_source_scans_markdown(const std::vector<model::SourceScan>& sources,
                                         const std::string& target) {
  std::string out;
  for (const auto& src : sources) {
    out += fmt::format("## Sources: `{}`\n\n", src.compile_commands);
    out += fmt::format(
        "{} translation units compiled against {}'s headers (syntax only): **{} do not compile**, {} fail "
        "with "
        "glibc's headers too (the project's errors, not the libc's){}.\n\n",
        src.translation_units, target, src.failed, src.failed_with_glibc,
        src.skipped > 0 ? fmt::format(", {} skipped (not C or C++)", src.skipped) : "");
    out += fmt::format("Compiled with `{}`. Host headers: {}.\n\n", src.compile_flags,
                       markdown_cell(src.host_headers));
    if (!src.ignored_flags.empty())
      out += "Flags clang-16 does not know, dropped: `" +
             fmt::format("{}", fmt::join(src.ignored_flags, "`, `")) + "`.\n\n";
    for (const auto& p : src.problems) out += "- not checked: " + markdown_cell(p) + "\n";
    if (!src.problems.empty()) out += "\n";
    if (!src.apis.empty()) {
      out += "| API | errors | build-time probe | first at |\n|---|---:|---|---|\n";
      for (const auto& g : src.apis)
        out +=
            fmt::format("| {} | {} | {} | `{}` |\n", api_label(g), g.locations.size(),
                        g.build_probe.empty() ? "" : "`" + g.build_probe + "`", place(g.locations.front()));
      out += "\n";
    }
    // Details: one section per probe (its fix once, every API it covers), then the other APIs.
    std::vector<std::string> sections;
    std::map<std::string, std::vector<const model::SourceApiErrors*>> in_section;
    for (const auto& g : src.apis) {
      const auto key = g.build_probe.empty() ? "api " + g.api : g.build_probe;
      if (!in_section.count(key)) sections.push_back(key);
      in_section[key].push_back(&g);
    }
    for (const auto& key : sections) {
      const auto& groups = in_section[key];
      const auto& first = *groups.front();
      if (!first.build_probe.empty())
        out += fmt::format("### `{}`: {}\n\n", first.build_probe, markdown_cell(first.title));
      else
        out += "### " + (first.api.empty() ? std::string("Errors that name no API") : "`" + first.api + "`") +
               "\n\n";
      if (!first.fix.empty()) out += "Fix: " + markdown_cell(first.fix) + "\n\n";
      for (const auto* g : groups) {
        for (std::size_t i = 0; i < g->locations.size() && i < kPlacesShown; ++i)
          out += fmt::format("- `{}`{}: {}\n", place(g->locations[i]),
                             groups.size() > 1 && !g->api.empty() ? " `" + g->api + "`" : "",
                             markdown_cell(g->locations[i].message));
        if (g->locations.size() > kPlacesShown)
          out += fmt::format("- ... {} more for {} in scan.json\n", g->locations.size() - kPlacesShown,
                             api_label(*g));
      }
      out += "\n";
    }
    if (!src.glibc_errors.empty()) {
      out += fmt::format("Errors glibc's headers give too (not the libc's; {} shown):\n\n",
                         src.glibc_errors.size());
      for (std::size_t i = 0; i < src.glibc_errors.size() && i < 10; ++i)
        out += fmt::format("- `{}`: {}\n", place(src.glibc_errors[i]),
                           markdown_cell(src.glibc_errors[i].message));
      if (src.glibc_errors.size() > 10) out += "- ... the rest in scan.json\n";
      out += "\n";
    }
  }
  return out;
}

ordered_json source_scans_to_json(const std::vector<model::SourceScan>& sources) {
  ordered_json all = ordered_json::array();
  for (const auto& src : sources) {
    ordered_json apis = ordered_json::array();
    for (const auto& g : src.apis) {
      ordered_json locations = ordered_json::array();
      for (const auto& l : g.locations) locations.push_back(location_json(l));
      apis.push_back({{"api", g.api},
                      {"build_probe", g.build_probe},
                      {"title", g.title},
                      {"risk", g.risk},
                      {"fix", g.fix},
                      {"locations", locations}});
    }
    ordered_json glibc = ordered_json::array();
    for (const auto& l : src.glibc_errors) glibc.push_back(location_json(l));
    all.push_back({{"compile_commands", src.compile_commands},
                   {"compile_flags", src.compile_flags},
                   {"host_headers", src.host_headers},
                   {"translation_units", src.translation_units},
                   {"failed", src.failed},
                   {"failed_with_glibc", src.failed_with_glibc},
                   {"skipped", src.skipped},
                   {"apis", apis},
                   {"glibc_errors", glibc},
                   {"ignored_flags", src.ignored_flags},
                   {"problems", src.problems}});
  }
  return all;
}

std::string file_uri(const std::string& absolute_path) {
  static constexpr std::string_view kept = "-._~!$&'()*+,;=@/";
  std::string out = absolute_path.starts_with('/') ? "file://" : "";
  for (const char c : absolute_path) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || kept.find(c) != std::string_view::npos)
      out += c;
    else
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

void add_source_scan_sarif_results(const std::vector<model::SourceScan>& sources, const std::string& target,
                                   const SarifRule& rule, ordered_json& results) {
  for (const auto& src : sources) {
    for (const auto& g : src.apis) {
      const std::string id = g.build_probe.empty() ? "source/does-not-compile" : g.build_probe;
      const int index =
          g.build_probe.empty()
              ? rule(id, "Does not compile against the target's headers",
                     "The source compiles against glibc's headers but not against " + target + "'s.",
                     "Use what both libcs declare, or guard the glibc-only code (__has_include, feature "
                     "tests).",
                     "high")
              : rule(id, g.title, g.title + ": not available on " + target + " at compile time.", g.fix,
                     g.risk);
      for (const auto& l : g.locations)
        results.push_back(
            {{"ruleId", id},
             {"ruleIndex", index},
             {"level", "error"},
             {"message",
              {{"text",
                fmt::format("{}does not compile against {}: {}{}", g.api.empty() ? "" : g.api + ": ", target,
                            l.message, g.build_probe.empty() ? "" : " (probe " + g.build_probe + ")")}}},
             {"locations",
              ordered_json::array({{{"physicalLocation",
                                     {{"artifactLocation", {{"uri", file_uri(l.file)}}},
                                      {"region", {{"startLine", l.line}, {"startColumn", l.column}}}}}}})}});
    }
  }
}

}  // namespace libcdiff::report
