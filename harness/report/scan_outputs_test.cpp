#include "report/scan_outputs.hpp"

#include <gtest/gtest.h>

#include <set>

#include "report/source_scan_outputs.hpp"

namespace libcdiff::report {
namespace {

model::ScanResult sample() {
  model::ScanResult s;
  s.generated_at = "2026-11-30T10:00:00Z";
  s.target = "musl";
  s.target_libc = "musl 1.2.5";
  model::BinaryScan b;
  b.path = "/usr/bin/demo";
  b.kind = "executable";
  b.machine = "x86_64";
  b.language = "C";
  b.linked_libc = "glibc";
  b.verdict = "needs-rebuild";
  b.missing = {{"__printf_chk", "fortify", ""}, {"qsort_r", "gnu-extension", "BuildTimeApi.QsortR"}};
  scan::ScanRisk r;
  r.apis = {"strcoll"};
  r.case_id = "Locale.StrcollCodepointOrder";
  r.risk = "high";
  r.title = "strcoll";
  r.breaks = "Sorted output differs | pipes";
  r.fix = "Use ICU.";
  r.cls = "expected-difference";
  r.observed = "strcoll_a_B: musl >0, glibc <0";
  b.risks = {r};
  s.binaries = {b};
  model::BinaryScan go;
  go.path = "/usr/bin/gobin";
  go.verdict = "not-dynamic";
  go.language = "Go";
  s.binaries.push_back(go);
  s.problems = {"/usr/bin/broken: is truncated ELF (section headers past the end)"};
  return s;
}

TEST(ScanOutputs, MarkdownGivesVerdictMissingSymbolsByCauseAndRisks) {
  const auto md = render_scan_markdown(sample());
  EXPECT_NE(md.find("| 2 | 0 | 1 | 1 | 0 |"), std::string::npos) << md;
  EXPECT_NE(md.find("**needs a rebuild (2 missing symbols)**"), std::string::npos) << md;
  EXPECT_NE(
      md.find("- missing, fortify (_FORTIFY_SOURCE's checked variants: glibc only) (1): `__printf_chk`"),
      std::string::npos)
      << md;
  EXPECT_NE(md.find("`qsort_r` (probe: `BuildTimeApi.QsortR`)"), std::string::npos) << md;
  EXPECT_NE(
      md.find("| high | `Locale.StrcollCodepointOrder` | `strcoll` | Sorted output differs \\| pipes |"),
      std::string::npos)
      << md;
  EXPECT_NE(md.find("could not scan: /usr/bin/broken"), std::string::npos);
}

TEST(ScanOutputs, JsonKeepsEveryField) {
  const auto j = scan_to_json(sample());
  EXPECT_EQ(j["kind"], "libcdiff-scan");
  EXPECT_EQ(j["binaries"][0]["missing"][1]["build_probe"], "BuildTimeApi.QsortR");
  EXPECT_EQ(j["binaries"][0]["risks"][0]["observed"], "strcoll_a_B: musl >0, glibc <0");
  EXPECT_EQ(j["binaries"][1]["verdict"], "not-dynamic");
}

TEST(ScanOutputs, SarifHasOneRulePerCaseAndResultsAtTheBinary) {
  const auto j = nlohmann::json::parse(render_scan_sarif(sample(), "0.1.0"));
  EXPECT_EQ(j["version"], "2.1.0");
  const auto& run = j["runs"][0];
  ASSERT_EQ(run["tool"]["driver"]["rules"].size(), 3u) << "fortify, gnu-extension, and the case";
  EXPECT_EQ(run["results"].size(), 3u);
  for (const auto& r : run["results"]) {
    EXPECT_EQ(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "/usr/bin/demo");
    const auto index = r["ruleIndex"].get<std::size_t>();
    EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], r["ruleId"]);
  }
  EXPECT_EQ(run["results"][2]["level"], "error") << "a high risk is an error";
}

// artifactLocation.uri must be an RFC 3986 URI reference (the SARIF schema's format): /usr/bin/[
// exists on every Debian system, and image archives hold any name. Found by the scan.schema test.
TEST(ScanOutputs, SarifLocationsArePercentEncodedUriReferences) {
  auto s = sample();
  s.binaries[0].path = "/usr/bin/[";
  s.binaries[0].risks.clear();
  s.binaries[0].missing.resize(1);
  auto odd = s.binaries[0];
  odd.path = "bin:x/odd name#1%?\xc3\xa9";
  s.binaries.push_back(odd);
  const auto j = nlohmann::json::parse(render_scan_sarif(s, "0.1.0"));
  const auto& results = j["runs"][0]["results"];
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "/usr/bin/%5B");
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "bin%3Ax/odd%20name%231%25%3F%C3%A9");
  EXPECT_NE(results[1]["message"]["text"].get<std::string>().find("bin:x/odd name#1%?\xc3\xa9"),
            std::string::npos)
      << "the message names the file as it is";
}

// A compile_commands.json whose a.c includes <execinfo.h> and calls backtrace, and whose b.c has an
// error that names no API; one unit fails with glibc's headers too.
model::SourceScan source_sample() {
  model::SourceScan src;
  src.compile_commands = "/p/build/compile_commands.json";
  src.compile_flags = "clang-16 --target=x86_64-linux-musl";
  src.host_headers = "/usr/include without libc6-dev's files";
  src.translation_units = 3;
  src.failed = 2;
  src.failed_with_glibc = 1;
  src.skipped = 1;
  src.apis = {{"<execinfo.h>",
               "BuildTimeApi.ExecinfoBacktrace",
               "<execinfo.h> backtrace()",
               "medium",
               "Use libunwind.",
               {{"/p/src/a.c", 2, 10, "'execinfo.h' file not found"}}},
              {"backtrace",
               "BuildTimeApi.ExecinfoBacktrace",
               "<execinfo.h> backtrace()",
               "medium",
               "Use libunwind.",
               {{"/p/src/a.c", 7, 11, "call to undeclared function 'backtrace'"}}},
              {"", "", "", "", "", {{"/p/src/b c.c", 9, 9, "incompatible | conversion"}}}};
  src.glibc_errors = {{"/p/src/d.c", 1, 10, "'config.h' file not found"}};
  src.ignored_flags = {"-fipa-pta"};
  src.problems = {"/p/src/slow.c: clang-16 timeout after 120000 ms"};
  return src;
}

TEST(ScanOutputs, MarkdownGivesEachSourceApiWithItsProbeAndPlaces) {
  auto s = sample();
  s.sources = {source_sample()};
  const auto md = render_scan_markdown(s);
  EXPECT_NE(md.find("## Sources: `/p/build/compile_commands.json`"), std::string::npos) << md;
  EXPECT_NE(
      md.find("3 translation units compiled against musl's headers (syntax only): **2 do not compile**, 1 "
              "fail with glibc's headers too (the project's errors, not the libc's), 1 skipped"),
      std::string::npos)
      << md;
  EXPECT_NE(md.find("| `<execinfo.h>` | 1 | `BuildTimeApi.ExecinfoBacktrace` | `/p/src/a.c:2:10` |"),
            std::string::npos)
      << md;
  EXPECT_NE(
      md.find("### `BuildTimeApi.ExecinfoBacktrace`: <execinfo.h> backtrace()\n\nFix: Use libunwind.\n\n"
              "- `/p/src/a.c:2:10` `<execinfo.h>`: 'execinfo.h' file not found\n"
              "- `/p/src/a.c:7:11` `backtrace`: call to undeclared function 'backtrace'\n"),
      std::string::npos)
      << md;
  EXPECT_EQ(md.find("Fix: Use libunwind."), md.rfind("Fix: Use libunwind.")) << "one fix per probe";
  EXPECT_NE(md.find("### Errors that name no API\n\n- `/p/src/b c.c:9:9`: incompatible \\| conversion"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("- `/p/src/d.c:1:10`: 'config.h' file not found"), std::string::npos) << md;
  EXPECT_NE(md.find("dropped: `-fipa-pta`"), std::string::npos) << md;
  EXPECT_NE(md.find("- not checked: /p/src/slow.c"), std::string::npos) << md;
  EXPECT_NE(md.find("| binaries |"), std::string::npos) << "binaries were scanned too";
  s.binaries.clear();
  EXPECT_EQ(render_scan_markdown(s).find("| binaries |"), std::string::npos)
      << "sources only: no binary table";
}

TEST(ScanOutputs, JsonHasTheSourcesSection) {
  auto s = sample();
  EXPECT_EQ(scan_to_json(s)["sources"], nlohmann::ordered_json::array());
  s.sources = {source_sample()};
  const auto j = scan_to_json(s)["sources"][0];
  EXPECT_EQ(j["compile_commands"], "/p/build/compile_commands.json");
  EXPECT_EQ(j["translation_units"], 3);
  EXPECT_EQ(j["failed"], 2);
  EXPECT_EQ(j["failed_with_glibc"], 1);
  EXPECT_EQ(j["skipped"], 1);
  EXPECT_EQ(j["apis"][1]["api"], "backtrace");
  EXPECT_EQ(j["apis"][1]["build_probe"], "BuildTimeApi.ExecinfoBacktrace");
  EXPECT_EQ(j["apis"][1]["risk"], "medium");
  EXPECT_EQ(j["apis"][1]["locations"][0],
            nlohmann::ordered_json({{"file", "/p/src/a.c"},
                                    {"line", 7},
                                    {"column", 11},
                                    {"message", "call to undeclared function 'backtrace'"}}));
  EXPECT_EQ(j["glibc_errors"][0]["line"], 1);
  EXPECT_EQ(j["ignored_flags"][0], "-fipa-pta");
  EXPECT_EQ(j["problems"].size(), 1u);
}

TEST(ScanOutputs, SarifLocatesSourceErrorsAtFileLineAndColumn) {
  auto s = sample();
  s.sources = {source_sample()};
  const auto j = nlohmann::json::parse(render_scan_sarif(s, "0.1.0"));
  const auto& run = j["runs"][0];
  ASSERT_EQ(run["results"].size(), 6u) << "3 for the binary, 3 for the sources";
  const auto& header = run["results"][3];
  EXPECT_EQ(header["ruleId"], "BuildTimeApi.ExecinfoBacktrace");
  EXPECT_EQ(header["level"], "error");
  const auto& where = header["locations"][0]["physicalLocation"];
  EXPECT_EQ(where["artifactLocation"]["uri"], "file:///p/src/a.c");
  EXPECT_EQ(where["region"]["startLine"], 2);
  EXPECT_EQ(where["region"]["startColumn"], 10);
  EXPECT_EQ(run["results"][4]["ruleId"], "BuildTimeApi.ExecinfoBacktrace") << "one rule per case";
  EXPECT_EQ(run["results"][5]["ruleId"], "source/does-not-compile");
  EXPECT_EQ(run["results"][5]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "file:///p/src/b%20c.c");
  std::set<std::string> ids;
  for (const auto& r : run["tool"]["driver"]["rules"]) ids.insert(r["id"].get<std::string>());
  EXPECT_EQ(ids.size(), run["tool"]["driver"]["rules"].size()) << "no rule twice";
  EXPECT_TRUE(ids.count("BuildTimeApi.ExecinfoBacktrace"));
  for (const auto& r : run["results"]) {
    const auto index = r["ruleIndex"].get<std::size_t>();
    EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], r["ruleId"]);
  }
}

TEST(ScanOutputs, FileUrisAreEscaped) {
  EXPECT_EQ(file_uri("/src/a b#1%.c"), "file:///src/a%20b%231%25.c");
  EXPECT_EQ(file_uri("<command line>"), "%3Ccommand%20line%3E");
}

}  // namespace
}  // namespace libcdiff::report
