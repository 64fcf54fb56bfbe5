// Sweep cases through compare_runs: tables on disk beside two run records, the sweep's expectations
// from TOML, the verdicts and summaries the reports render.
#include "compare/sweep_compare.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "compare/compare_runs.hpp"
#include "report/comparison_json.hpp"
#include "report/html.hpp"
#include "report/markdown.hpp"
#include "store/comparison_file.hpp"
#include "store/sweep_catalog_toml.hpp"
#include "sweep/sweep_catalog.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::compare {
namespace {

using libcdiff::testing::TempDir;
namespace fs = std::filesystem;

constexpr const char* kSweepToml = R"(
[[sweep]]
id = "Locale.SweepWidth"
title = "width of a few code points"
domain = "U+0041..U+0046"
source = "a test"
breaks = "alignment"
risk = "medium"
references = ["https://example.test/width"]

[[sweep.expect]]
libc = "musl"
range = "width U+0041..U+0042"
why = "musl's table is older"
references = ["https://example.test/musl"]

[[sweep.expect]]
libc = "musl"
range = "width U+0100..U+0101"
why = "an expectation that covers nothing here"
references = ["https://example.test/idle"]
)";

struct Fixture {
  TempDir dir;
  model::CaseCatalog catalog;
  std::vector<model::RunRecord> records;

  Fixture() {
    auto sweeps = std::make_shared<sweep::SweepCatalog>();
    store::add_sweeps_from_toml(*sweeps, kSweepToml, "suites/locale/sweeps.toml", "locale");
    model::CaseMeta meta;
    meta.id = "Locale.SweepWidth";
    meta.area = "locale";
    meta.risk = "medium";
    meta.sweep = true;
    catalog.cases[meta.id] = meta;
    catalog.sweeps = sweeps;
    for (const auto& [target, family, version] :
         {std::tuple{"musl", "musl", "1.2.5"}, std::tuple{"glibc", "glibc", "2.36"}}) {
      model::RunRecord r;
      r.target = target;
      r.provenance.libc.family = family;
      r.provenance.libc.version = version;
      r.location = dir.path() / target;
      r.finished_at = "2026-11-30T00:00:00Z";
      model::CaseResult c{"Locale.SweepWidth", "locale", model::Outcome::pass, "", {}, 0.01};
      c.sweep = {"logs/sweeps/Locale.SweepWidth.sweep.tsv", 6, ""};
      r.cases.push_back(c);
      records.push_back(r);
    }
  }
  void table(std::size_t side, const std::string& text) {
    testing::write_text(records[side].location / records[side].cases[0].sweep.table, text);
  }
  model::Comparison compare_all() {
    return compare_runs(records, {{}, "glibc", dir / "out" / "sweeps", dir / "out"}, catalog, "now");
  }
  model::CaseComparison compare() { return compare_all().cases.at(0); }
};

std::string widths(const std::string& a_b_c_d_e_f) {
  std::string out;
  for (std::size_t i = 0; i < a_b_c_d_e_f.size(); ++i)
    out += "width U+004" + std::string(1, static_cast<char>('1' + i)) + "\t" + a_b_c_d_e_f[i] + "\n";
  return out;
}

TEST(SweepCompare, KeysOutsideEveryExpectationAreUnexpectedAndSummarisedAsRanges) {
  Fixture f;
  f.table(0, widths("111112"));  // musl: U+0041, U+0042 (expected) and U+0046 (unexpected) differ
  f.table(1, widths("221111"));
  const auto c = f.compare();
  EXPECT_TRUE(c.sweep);
  EXPECT_EQ(c.cls, model::CaseClass::unexpected_difference) << c.reason;
  const auto& v = c.versus.at("musl");
  ASSERT_TRUE(v.sweep.has_value());
  EXPECT_EQ(v.sweep->differing, 3u);
  EXPECT_EQ(v.sweep->expected, 2u);
  EXPECT_EQ(v.sweep->unexpected, 1u);
  ASSERT_EQ(v.sweep->details.size(), 1u);
  EXPECT_EQ(v.sweep->details[0].family, "width");
  ASSERT_EQ(v.sweep->details[0].parts.size(), 2u);
  EXPECT_EQ(v.sweep->details[0].parts[0].expectation, 0) << "the unexpected part comes first";
  EXPECT_EQ(v.sweep->details[0].parts[0].examples,
            std::vector<std::string>{"width U+0046: musl 2, glibc 1 (1 key)"});
  EXPECT_EQ(v.sweep->details[0].parts[1].expectation, 1);
  EXPECT_EQ(v.sweep->details[0].parts[1].why, "musl's table is older");
  EXPECT_EQ(v.unexpected_keys, std::vector<std::string>{"width"});
  EXPECT_EQ(v.sweep->full_diff, "sweeps/Locale.SweepWidth.musl.diff.tsv");
  EXPECT_TRUE(fs::exists(f.dir / "out" / v.sweep->full_diff));
  EXPECT_EQ(v.sweep->idle_expectations.size(), 1u) << "#2 applies to musl vs glibc but covered nothing";
  EXPECT_EQ(c.groups.size(), 2u) << "different tables: different groups";
  EXPECT_EQ(c.observations.at("musl").at("sweep.keys"), "6");
}

TEST(SweepCompare, TheSummarySurvivesComparisonJsonAndReadsInEveryReport) {
  Fixture f;
  f.table(0, widths("111112"));
  f.table(1, widths("221111"));
  const auto written = f.compare_all();
  const auto text = report::render_comparison_json(written);
  const auto read = store::comparison_from_text(text, "comparison.json");
  EXPECT_EQ(report::render_comparison_json(read), text) << "a re-render is byte for byte";
  ASSERT_TRUE(read.cases.at(0).versus.at("musl").sweep.has_value());
  EXPECT_TRUE(read.cases.at(0).sweep);
  const std::string example = "width U+0046: musl 2, glibc 1 (1 key)";
  const auto md = report::render_markdown(read);
  EXPECT_NE(md.find("unexpected: 1 key in 1 range"), std::string::npos) << md;
  EXPECT_NE(md.find(example), std::string::npos) << md;
  EXPECT_NE(md.find("full diff: sweeps/Locale.SweepWidth.musl.diff.tsv"), std::string::npos) << md;
  EXPECT_NE(md.find("| musl | 1 | 6 | 3 | 2 | 1 | 0.0 s | 0.0 s |"), std::string::npos)
      << "the overview: sweeps, keys, differ, expected, unexpected, times\n"
      << md;
  const auto html = report::render_html(read);
  EXPECT_NE(html.find("<ul class=sweep>"), std::string::npos);
  EXPECT_NE(html.find("<h2 id=sweeps>Sweeps</h2>"), std::string::npos);
  EXPECT_NE(html.find(report::html_escape(example)), std::string::npos);
}

TEST(SweepCompare, OnlyExpectedKeysDifferIsAnExpectedDifference) {
  Fixture f;
  f.table(0, widths("111111"));
  f.table(1, widths("221111"));
  const auto c = f.compare();
  EXPECT_EQ(c.cls, model::CaseClass::expected_difference) << c.reason;
  EXPECT_NE(c.reason.find("2 of 6 keys differ, all expected, in 1 family"), std::string::npos) << c.reason;
}

TEST(SweepCompare, IdenticalTablesWithAnApplicableExpectationAreExpectedButSame) {
  Fixture f;
  f.table(0, widths("111111"));
  f.table(1, widths("111111"));
  const auto c = f.compare();
  EXPECT_EQ(c.cls, model::CaseClass::expected_but_same);
  EXPECT_EQ(c.groups.size(), 1u) << "identical tables: one group";
}

TEST(SweepCompare, AMissingOrChangedTableIsAnErrorNeverSame) {
  Fixture f;
  f.table(1, widths("111111"));
  auto c = f.compare();
  EXPECT_EQ(c.cls, model::CaseClass::error);
  EXPECT_NE(c.reason.find("Locale.SweepWidth.sweep.tsv"), std::string::npos) << c.reason;

  f.table(0, widths("111111"));
  f.records[0].cases[0].sweep.hash = "fnv1a64:0000000000000000";
  c = f.compare();
  EXPECT_EQ(c.cls, model::CaseClass::error);
  EXPECT_NE(c.reason.find("is not the table musl's suite wrote"), std::string::npos) << c.reason;

  f.records[0].cases[0].sweep = {};
  c = f.compare();
  EXPECT_EQ(c.cls, model::CaseClass::error);
  EXPECT_NE(c.reason.find("recorded no table"), std::string::npos) << c.reason;
}

TEST(SweepCompare, ASideWhereTheSweepDidNotPassKeepsItsOutcome) {
  Fixture f;
  f.table(1, widths("111111"));
  f.records[0].cases[0].outcome = model::Outcome::crash;
  f.records[0].cases[0].message = "SIGSEGV";
  const auto c = f.compare();
  EXPECT_EQ(c.cls, model::CaseClass::crash);
  EXPECT_FALSE(c.versus.at("musl").sweep.has_value());
}

}  // namespace
}  // namespace libcdiff::compare
