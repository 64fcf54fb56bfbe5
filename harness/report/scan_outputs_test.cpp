#include "report/scan_outputs.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace libcdiff::report
