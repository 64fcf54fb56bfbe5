// `libcdiff compare` with N sides, labels, the reference and the CI policy, through the real CLI.
#include "cli/compare_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "store/run_record_json.hpp"
#include "testing/cli_harness.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::cli {
namespace {

using libcdiff::testing::CliHarness;
using libcdiff::testing::locale_record;
using libcdiff::testing::read_text;
using libcdiff::testing::TempDir;
using libcdiff::testing::write_text;

std::string saved(const TempDir& dir, const std::string& sub, const model::RunRecord& r) {
  std::filesystem::create_directories(dir / sub);
  const auto path = dir / sub / store::run_record_file_name(r.target);
  store::save_run_record(path, r);
  return path.string();
}

TEST(CompareCommand, ABaselineOfTheSameTargetShowsBothValuesDistinctlyLabelled) {
  CliHarness h;
  TempDir dir;
  auto before = locale_record("musl", "musl", ">0");
  before.started_at = "2026-11-26T16:39:58Z";
  auto after = locale_record("musl", "musl", "TAMPERED");
  after.started_at = "2026-11-27T08:00:00Z";
  const auto out = dir / "out";
  EXPECT_EQ(h.run({"compare", saved(dir, "a", before), saved(dir, "b", after), "-o", out.string()}), 1)
      << "a changed value nobody expected";
  const std::string md = read_text(out / "report.md");
  EXPECT_NE(md.find("| strcoll_a_B | >0 | TAMPERED | **≠ unexpected** |"), std::string::npos) << md;
  EXPECT_NE(md.find("`musl@20261126T163958Z` vs `musl@20261127T080000Z`"), std::string::npos) << md;
  const auto j = nlohmann::json::parse(read_text(out / "comparison.json"));
  const auto& obs = j["cases"][0]["observations"];
  EXPECT_EQ(obs["musl@20261126T163958Z"]["strcoll_a_B"], ">0");
  EXPECT_EQ(obs["musl@20261127T080000Z"]["strcoll_a_B"], "TAMPERED");
  pugi::xml_document junit;
  ASSERT_TRUE(junit.load_file((out / "junit.xml").c_str()));
  EXPECT_TRUE(junit.select_node("/testsuites/testsuite[@name='musl@20261126T163958Z']"));
  EXPECT_TRUE(junit.select_node("/testsuites/testsuite[@name='musl@20261127T080000Z']"));
  EXPECT_STREQ(junit.select_node("//testcase").node().attribute("classname").value(), "locale");
  const std::string html = read_text(out / "report.html");
  EXPECT_NE(html.find("<td>&gt;0</td><td>TAMPERED</td>"), std::string::npos);
  EXPECT_NE(h.out.str().find("musl@20261126T163958Z vs musl@20261127T080000Z"), std::string::npos)
      << h.out.str();
}

TEST(CompareCommand, LabelsGivenByTheUserNameTheSides) {
  CliHarness h;
  TempDir dir;
  const auto out = dir / "out";
  EXPECT_EQ(h.run({"compare", saved(dir, "a", locale_record("musl", "musl", ">0")),
                   saved(dir, "b", locale_record("musl", "musl", ">0")), "--labels", "before,after", "-o",
                   out.string()}),
            0);
  EXPECT_NE(read_text(out / "report.md").find("`before` vs `after`"), std::string::npos);
  CliHarness wrong;
  EXPECT_EQ(wrong.run({"compare", saved(dir, "a", locale_record("musl", "musl", ">0")),
                       saved(dir, "b", locale_record("musl", "musl", ">0")), "--labels", "one"}),
            2);
  EXPECT_NE(wrong.error_line().find("gives 1 labels for 2 run records"), std::string::npos);
}

TEST(CompareCommand, ThreeSidesAreGroupedAndEachIsClassifiedAgainstTheReference) {
  CliHarness h;
  TempDir dir;
  auto old_musl = locale_record("musl-1.2.3", "musl", "<0");
  old_musl.provenance.libc.version = "1.2.3";
  const auto out = dir / "out";
  EXPECT_EQ(h.run({"compare", saved(dir, "a", locale_record("musl", "musl", ">0")), saved(dir, "b", old_musl),
                   saved(dir, "c", locale_record("glibc", "glibc", "<0")), "-o", out.string()}),
            0)
      << h.err.str();
  const auto j = nlohmann::json::parse(read_text(out / "comparison.json"));
  EXPECT_EQ(j["reference"], "glibc");
  const auto& k = j["cases"][0];
  EXPECT_EQ(k["versus"]["musl"]["class"], "expected-difference");
  EXPECT_EQ(k["versus"]["musl-1.2.3"]["class"], "expected-but-same")
      << "cases.toml expects strcoll to differ on every musl; 1.2.3 agreed with glibc here";
  EXPECT_EQ(k["groups"], nlohmann::json::parse(R"([["musl"], ["musl-1.2.3", "glibc"]])"));
  const std::string md = read_text(out / "report.md");
  EXPECT_NE(md.find("Same observations: {musl} · {musl-1.2.3, glibc}"), std::string::npos) << md;
  EXPECT_NE(h.out.str().find("per area vs glibc"), std::string::npos) << h.out.str();
}

TEST(CompareCommand, TheReferenceCanBeChosenAndMustNameOneSide) {
  CliHarness h;
  TempDir dir;
  const auto a = saved(dir, "a", locale_record("musl", "musl", ">0"));
  const auto b = saved(dir, "b", locale_record("glibc", "glibc", "<0"));
  EXPECT_EQ(h.run({"compare", a, b, "--reference", "musl", "-o", (dir / "out").string()}), 0);
  EXPECT_EQ(nlohmann::json::parse(read_text(dir / "out" / "comparison.json"))["reference"], "musl");
  CliHarness wrong;
  EXPECT_EQ(wrong.run({"compare", a, b, "--reference", "glibc-gcc"}), 2);
  EXPECT_EQ(wrong.error_line(),
            "libcdiff: error: --reference glibc-gcc: names no side of this comparison. Give one of the side "
            "labels: musl, glibc.");
}

TEST(CompareCommand, TheEstimatorChoosesWhatRatiosDivideAndIsCheckedFirst) {
  CliHarness h;
  TempDir dir;
  auto musl = locale_record("musl", "musl", ">0");
  auto glibc = locale_record("glibc", "glibc", "<0");
  std::vector<double> side, reference;
  for (int i = 0; i < 40; ++i) {  // a fast and a slow machine state, in different shares
    side.push_back(i % 10 < 7 ? 20.0 + 0.01 * (i % 5) : 40.0 + 0.01 * (i % 5));
    reference.push_back(i % 2 == 0 ? 10.0 + 0.01 * (i % 5) : 20.0 + 0.01 * (i % 5));
  }
  musl.benchmarks = {{"BM_x", "strings", "cpu", side}};
  glibc.benchmarks = {{"BM_x", "strings", "cpu", reference}};
  const auto a = saved(dir, "a", musl);
  const auto b = saved(dir, "b", glibc);
  EXPECT_EQ(h.run({"compare", a, b, "--estimator", "p10", "-o", (dir / "out").string()}), 0);
  const auto json = nlohmann::json::parse(read_text(dir / "out" / "comparison.json"));
  EXPECT_EQ(json["benchmarks"][0]["estimator"], "p10");
  EXPECT_NEAR(json["benchmarks"][0]["rows"][0]["ratio"].get<double>(), 2.0, 0.05);
  const auto md = read_text(dir / "out" / "report.md");
  EXPECT_NE(md.find("Ratio = 10th-percentile time on the side"), std::string::npos);
  EXPECT_NE(md.find("#### Where the ratio of medians differs"), std::string::npos);
  EXPECT_NE(md.find("The ratio of medians falls outside the 95% interval in 1 of 1 rows"), std::string::npos);
  CliHarness wrong;
  EXPECT_EQ(wrong.run({"compare", a, b, "--estimator", "p90", "-o", (dir / "bad").string()}), 2);
  EXPECT_EQ(wrong.error_line(),
            "libcdiff: error: --estimator p90: is not an estimator. Use median (the default) or p1 .. p50, "
            "e.g. p10 for the 10th percentile.");
  EXPECT_FALSE(std::filesystem::exists(dir / "bad"));
}

TEST(CompareCommand, ACaseMissingOnOneSideSaysWhichSide) {
  CliHarness h;
  TempDir dir;
  auto small = locale_record("musl", "musl", ">0");
  small.started_at = "2026-11-27T08:00:00Z";
  small.cases.clear();
  EXPECT_EQ(h.run({"compare", saved(dir, "a", locale_record("musl", "musl", ">0")), saved(dir, "b", small),
                   "-o", (dir / "out").string()}),
            0);
  const std::string md = read_text(dir / "out" / "report.md");
  EXPECT_NE(md.find("did not run on musl@20261127T080000Z"), std::string::npos) << md;
  EXPECT_NE(md.find("1 only in musl@20261126T090000Z's record"), std::string::npos) << md;
}

TEST(CompareCommand, FailOnRiskFailsAnExpectedHighRiskDifference) {
  TempDir dir;
  const auto a = saved(dir, "a", locale_record("musl", "musl", ">0"));
  const auto b = saved(dir, "b", locale_record("glibc", "glibc", "<0"));
  CliHarness by_default;
  EXPECT_EQ(by_default.run({"compare", a, b, "-o", (dir / "default").string()}), 0);
  CliHarness strict;
  EXPECT_EQ(strict.run({"compare", a, b, "--fail-on", "risk>=medium", "-o", (dir / "strict").string()}), 1);
  const std::string md = read_text(dir / "strict" / "report.md");
  EXPECT_NE(md.find("**CI policy** `--fail-on risk>=medium`: 1 cases fail the run"), std::string::npos) << md;
  CliHarness typo;
  EXPECT_EQ(typo.run({"compare", a, b, "--fail-on", "risk>=hihg"}), 2);
  EXPECT_NE(typo.error_line().find("--fail-on"), std::string::npos);
}

TEST(CompareCommand, AnAcknowledgementLetsADifferencePassUntilItExpires) {
  TempDir dir;
  auto musl = locale_record("musl", "musl", ">0");
  musl.cases[0].outcome = model::Outcome::fail;  // no expectation covers a failed assertion
  const auto a = saved(dir, "a", musl);
  const auto b = saved(dir, "b", locale_record("glibc", "glibc", "<0"));
  CliHarness without;
  EXPECT_EQ(without.run({"compare", a, b, "-o", (dir / "w").string()}), 1) << "unexpected without the entry";
  write_text(dir / "valid.toml",
             "[[acknowledge]]\ncase = \"Locale.StrcollCodepointOrder\"\nreason = \"we sort with ICU\"\n"
             "expires = 2026-12-31\n");
  write_text(dir / "expired.toml",
             "[[acknowledge]]\ncase = \"Locale.StrcollCodepointOrder\"\nreason = \"we sort with ICU\"\n"
             "expires = 2026-01-31\n");
  CliHarness valid;  // the fixed clock says 2026-11-18
  EXPECT_EQ(valid.run({"compare", a, b, "--acknowledgements", (dir / "valid.toml").string(), "-o",
                       (dir / "v").string()}),
            0)
      << valid.err.str();
  EXPECT_NE(read_text(dir / "v" / "report.md")
                .find("Acknowledged by your team: we sort with ICU (until 2026-12-31)"),
            std::string::npos);
  CliHarness expired;
  EXPECT_EQ(expired.run({"compare", a, b, "--acknowledgements", (dir / "expired.toml").string(), "-o",
                         (dir / "e").string()}),
            1);
  EXPECT_NE(read_text(dir / "e" / "report.md").find("acknowledgement expired on 2026-01-31"),
            std::string::npos);
  write_text(dir / "unknown.toml", "[[acknowledge]]\ncase = \"Locale.NoSuchCase\"\nreason = \"x\"\n");
  CliHarness unknown;
  EXPECT_EQ(unknown.run({"compare", a, b, "--acknowledgements", (dir / "unknown.toml").string()}), 2);
  EXPECT_NE(unknown.error_line().find("Locale.NoSuchCase"), std::string::npos);
}

}  // namespace
}  // namespace libcdiff::cli
