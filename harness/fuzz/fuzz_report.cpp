#include "fuzz/fuzz_report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/atomic_file.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::fuzz {
namespace {

std::string class_name(int expectation) {
  return expectation < 0 ? "unexpected" : "expected " + std::to_string(expectation + 1);
}

// Markdown inline code that survives backticks in the value (used in list items, never in tables).
std::string code(std::string_view text, std::size_t limit = 160) {
  // Cut at a character boundary: the text is valid UTF-8 (escaped table fields) and stays so.
  std::size_t cut = std::min(limit, text.size());
  while (cut < text.size() && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string shown(text.substr(0, cut));
  if (cut < text.size()) shown += "…";
  const std::string fence = shown.find('`') == std::string::npos ? "`" : "`` ";
  const std::string close = fence == "`" ? "`" : " ``";
  return fence + shown + close;
}

}  // namespace

std::size_t unexpected_clusters(const FuzzReport& report) {
  std::size_t n = 0;
  for (const auto& c : report.cases)
    for (const auto& cluster : c.clusters) n += cluster.expectation < 0 ? 1 : 0;
  return n;
}

void write_fuzz_json(const FuzzReport& report, const sweep::SweepCatalog& catalog,
                     const std::filesystem::path& path) {
  nlohmann::ordered_json j;
  j["format"] = "libcdiff-fuzz/1";
  j["started_at"] = report.started_at;
  j["seed"] = report.seed;
  j["budget"] = report.budget;
  j["reproduce"] = report.command;
  j["interrupted"] = report.interrupted;
  j["sides"] = nlohmann::ordered_json::array();
  for (const auto& s : report.sides)
    j["sides"].push_back({{"label", s.label}, {"libc", s.libc}, {"compiler", s.compiler}});
  j["cases"] = nlohmann::ordered_json::array();
  for (const auto& c : report.cases) {
    nlohmann::ordered_json jc;
    jc["id"] = c.id;
    if (const auto* meta = catalog.find(c.id)) {
      jc["area"] = meta->area;
      jc["title"] = meta->title;
      jc["apis"] = meta->apis;
    }
    jc["seed"] = c.seed;
    jc["inputs"] = c.inputs;
    jc["batches"] = c.batches;
    jc["keys"] = c.keys;
    jc["differing"] = c.differing;
    jc["unexpected"] = c.unexpected;
    nlohmann::ordered_json per_class = nlohmann::ordered_json::object();
    for (const auto& [cls, n] : c.per_class) per_class[class_name(cls)] = n;
    jc["per_class"] = per_class;
    jc["minimised"] = c.minimised;
    jc["rounds"] = c.rounds;
    jc["candidates"] = c.candidates;
    jc["generate_seconds"] = c.generate_seconds;
    jc["minimise_seconds"] = c.minimise_seconds;
    jc["differences_file"] = util::path_safe(c.id) + ".diff.tsv";
    jc["clusters"] = nlohmann::ordered_json::array();
    for (const auto& cl : c.clusters)
      jc["clusters"].push_back({{"signature", cl.signature},
                                {"class", class_name(cl.expectation)},
                                {"why", cl.why},
                                {"reproducer", cl.key},
                                {"reproducers", cl.reproducers},
                                {"value_a", cl.value_a},
                                {"value_b", cl.value_b},
                                {"members", cl.members},
                                {"examples", cl.examples}});
    j["cases"].push_back(std::move(jc));
  }
  store::write_file_atomically(path, j.dump(2) + "\n");
}

std::string fuzz_markdown(const FuzzReport& report, const sweep::SweepCatalog& catalog) {
  const std::string a = report.sides.size() > 0 ? report.sides[0].label : "a";
  const std::string b = report.sides.size() > 1 ? report.sides[1].label : "b";
  std::string md = fmt::format("# Differential fuzzing: {} vs {}\n\n", a, b);
  for (const auto& s : report.sides) md += fmt::format("- **{}**: {}, {}\n", s.label, s.libc, s.compiler);
  md += fmt::format("- seed {}, {}; started {}\n", report.seed, report.budget, report.started_at);
  md += fmt::format("- reproduce exactly: `{}`\n", report.command);
  if (report.interrupted) md += "- **interrupted**: the cases below are the ones that finished\n";
  md += fmt::format(
      "\nEach differing input is classified with the case's expectations (sweeps.toml); a sample is "
      "minimised (delta debugging, with both libcs as the oracle, keeping the class) and clustered by "
      "the minimal input. Every differing input is in `<case>.diff.tsv`.\n\n");
  md += "| case | inputs | differ | unexpected | clusters | unexpected clusters | time |\n";
  md += "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& c : report.cases) {
    std::size_t unexpected = 0;
    for (const auto& cl : c.clusters) unexpected += cl.expectation < 0 ? 1 : 0;
    md += fmt::format("| `{}` | {} | {} | {} | {} | {} | {:.0f} s + {:.0f} s |\n", c.id,
                      util::thousands(c.inputs), util::thousands(c.differing), util::thousands(c.unexpected),
                      c.clusters.size(), unexpected, c.generate_seconds, c.minimise_seconds);
  }
  for (const auto& c : report.cases) {
    const auto* meta = catalog.find(c.id);
    md += fmt::format("\n## `{}`{}\n\n", c.id, meta ? " — " + meta->title : "");
    md += fmt::format("{} inputs in {} batches ({} distinct), {} differ: ", util::thousands(c.inputs),
                      c.batches, util::thousands(c.keys), util::thousands(c.differing));
    std::vector<std::string> classes;
    for (const auto& [cls, n] : c.per_class)
      classes.push_back(fmt::format("{} {}", util::thousands(n), class_name(cls)));
    md += (classes.empty() ? "none" : util::join(classes, ", ")) + ".";
    md += fmt::format(" Minimised {} of them in {} rounds ({} candidate inputs).\n\n", c.minimised, c.rounds,
                      util::thousands(c.candidates));
    md += fmt::format("Reproduce: `libcdiff fuzz --targets {},{} --seed {} --cases {} --fuzz-count {}`\n\n",
                      a, b, c.seed, c.id, c.inputs);
    std::size_t expected_shown = 0;
    for (const auto& cl : c.clusters) {
      if (cl.expectation >= 0 && ++expected_shown > 15) continue;
      std::vector<std::string> minimal;
      for (const auto& r : cl.reproducers) minimal.push_back(code(r, 80));
      md +=
          fmt::format("- **{}** {} ({}): {} {}, {} {}", class_name(cl.expectation), util::join(minimal, ", "),
                      util::count_of(cl.members, "input"), a, code(cl.value_a), b, code(cl.value_b));
      if (!cl.why.empty()) md += " — " + cl.why;
      if (!cl.examples.empty() && cl.examples != cl.reproducers) {
        std::vector<std::string> shown;
        for (const auto& e : cl.examples) shown.push_back(code(e, 60));
        md += "; from " + util::join(shown, ", ");
      }
      md += "\n";
    }
    if (expected_shown > 15)
      md += fmt::format("- … and {} more expected clusters (fuzz.json)\n", expected_shown - 15);
  }
  return md;
}

}  // namespace libcdiff::fuzz
