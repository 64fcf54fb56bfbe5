#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "report/comparison_json.hpp"
#include "report/html.hpp"
#include "report/junit.hpp"
#include "report/markdown.hpp"

namespace libcdiff::report {
namespace {

model::Comparison sample() {
  model::Comparison c;
  c.generated_at = "2026-11-26T10:00:00Z";
  model::TargetSummary musl;
  musl.label = musl.id = "musl";
  musl.description = "musl 1.2.5";
  musl.provenance.libc.family = "musl";
  model::TargetSummary glibc;
  glibc.label = glibc.id = "glibc";
  glibc.description = "glibc 2.36";
  glibc.provenance.libc.family = "glibc";
  c.targets = {musl, glibc};
  c.reference = "glibc";
  model::CaseComparison k;
  k.id = "Locale.StrcollCodepointOrder";
  k.area = "locale";
  k.title = "strcoll";
  k.risk = "high";
  k.references = {"https://example.invalid/strcoll.c"};
  k.cls = model::CaseClass::expected_difference;
  k.differing_keys = {"strcoll_a_B"};
  k.versus["musl"] = {k.cls, "documented", k.differing_keys, {}};
  k.outcomes = {{"musl", model::Outcome::pass}, {"glibc", model::Outcome::pass}};
  k.observations = {{"musl", {{"strcoll_a_B", ">0"}}}, {"glibc", {{"strcoll_a_B", "<0"}}}};
  c.cases.push_back(k);
  model::CaseComparison crash = k;
  crash.id = "Locale.Crashes";
  crash.cls = model::CaseClass::crash;
  crash.versus["musl"] = {model::CaseClass::crash, "musl: SIGSEGV", {}, {}};
  crash.outcomes["musl"] = model::Outcome::crash;
  crash.messages["musl"] = "SIGSEGV";
  c.cases.push_back(crash);
  return c;
}

TEST(Markdown, ShowsBothTargetsObservationsSideBySide) {
  const std::string md = render_markdown(sample());
  EXPECT_NE(md.find("| strcoll_a_B | >0 | <0 | ≠ |"), std::string::npos) << md;
  EXPECT_NE(md.find("| expected-difference | 1 |"), std::string::npos);
}

TEST(Markdown, EscapesTableBreakingCharacters) {
  EXPECT_EQ(markdown_cell("a|b\nc"), "a\\|b<br>c");
  EXPECT_EQ(markdown_cell(""), "(empty)");
}

TEST(Markdown, ProblemsComeFirstInAnArea) {
  const std::string md = render_markdown(sample());
  EXPECT_LT(md.find("| `Locale.Crashes` | crash"), md.find("| `Locale.StrcollCodepointOrder` | expected"));
}

TEST(Markdown, LabelsImageDifferencesAsNotTheLibc) {
  auto c = sample();
  c.cases[0].image_difference = "glibc-image: no locale archive";  // kept its class: label shown beside it
  const std::string md = render_markdown(c);
  EXPECT_NE(md.find("Image difference (not the libc): glibc-image: no locale archive"), std::string::npos)
      << md;
  EXPECT_NE(md.find("`image-difference`"), std::string::npos) << "the legend explains the class";
}

TEST(Markdown, DistributionImagesShowTheVersionsReadInsideThem) {
  auto c = sample();
  EXPECT_EQ(render_markdown(c).find("Versions read inside the images"), std::string::npos)
      << "host targets have no image versions";
  c.targets[0].provenance.dependencies = {{"os", "Alpine Linux v3.21"},
                                          {"libc", "1.2.5-r8"},
                                          {"tzdata", "tzdata-2025b-r0"},
                                          {"compiler", "14.2.0-r4"}};
  const std::string md = render_markdown(c);
  EXPECT_NE(md.find("| Alpine Linux v3.21 | 1.2.5-r8 | tzdata-2025b-r0 | 14.2.0-r4 |"), std::string::npos)
      << md;
  const std::string html = render_html(c);
  EXPECT_NE(html.find("<td>Alpine Linux v3.21</td><td>1.2.5-r8</td><td>tzdata-2025b-r0</td>"),
            std::string::npos);
}

TEST(Html, ABaselineListsWhatIsNewChangedAndResolved) {
  auto c = sample();
  EXPECT_EQ(render_html(c).find("<b>Baseline</b>"), std::string::npos);
  c.baseline = "results/runs/last-night (2026-11-29T02:00:00Z)";
  c.cases[0].baseline = "new";
  c.cases[1].baseline = "unchanged";
  const std::string html = render_html(c);
  EXPECT_NE(html.find("1 new, 0 changed, 0 resolved, 1 unchanged"), std::string::npos);
  EXPECT_NE(html.find("<li>new: <code>" + c.cases[0].id + "</code></li>"), std::string::npos);
}

TEST(ComparisonJson, KeepsTheContractNames) {
  const auto j = comparison_to_json(sample());
  EXPECT_EQ(j["schema_version"], 2);
  EXPECT_EQ(j["targets"][0]["id"], "musl");
  EXPECT_EQ(j["targets"][0]["label"], "musl");
  EXPECT_EQ(j["reference"], "glibc");
  const auto& k = j["cases"][0];
  EXPECT_EQ(k["id"], "Locale.StrcollCodepointOrder");
  EXPECT_EQ(k["area"], "locale");
  EXPECT_EQ(k["class"], "expected-difference");
  EXPECT_EQ(k["risk"], "high");
  EXPECT_EQ(k["references"][0], "https://example.invalid/strcoll.c");
  EXPECT_EQ(k["observations"]["musl"]["strcoll_a_B"], ">0");
  EXPECT_EQ(k["observations"]["glibc"]["strcoll_a_B"], "<0");
  EXPECT_EQ(j["summary"]["crash"], 1);
  EXPECT_EQ(k["image_difference"], "");
  EXPECT_EQ(j["summary"]["image-difference"], 0);
}

TEST(ComparisonJson, WritesTheCurrentVersionForAComparisonReadFromVersionOne) {
  auto c = sample();
  c.schema_version = 1;  // as store::comparison_from_text leaves a version 1 file
  const auto j = comparison_to_json(c);
  EXPECT_EQ(j["schema_version"], model::kComparisonSchemaVersion) << "the layout written is version 2's";
  EXPECT_EQ(j["reference"], "glibc");
}

TEST(Junit, OneSuitePerSideNamedByItsLabelWithTheAreaAsClassname) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(render_junit(sample()).c_str()));
  const auto musl = doc.select_node("/testsuites/testsuite[@name='musl']").node();
  ASSERT_TRUE(musl);
  EXPECT_STREQ(musl.child("testcase").attribute("classname").value(), "locale");
  EXPECT_STREQ(musl.child("testcase").attribute("time").value(), "0.000");
  EXPECT_EQ(musl.attribute("failures").as_int(), 1) << "the crash against the reference";
  const auto expected =
      doc.select_node(
             "/testsuites/testsuite[@name='musl']/testcase[@name='Locale.StrcollCodepointOrder']/skipped")
          .node();
  ASSERT_TRUE(expected) << "an expected difference is visible as skipped with its reason";
  EXPECT_NE(
      std::string(expected.attribute("message").value()).find("expected-difference vs glibc: documented"),
      std::string::npos);
  const auto glibc = doc.select_node("/testsuites/testsuite[@name='glibc']").node();
  ASSERT_TRUE(glibc);
  EXPECT_EQ(glibc.attribute("failures").as_int(), 0) << "the reference reports its own outcomes";
  EXPECT_FALSE(doc.select_node("/testsuites/testsuite[@name='comparison']"));
}

TEST(Junit, APolicyDecidesWhatFailsAndAcknowledgedDifferencesAreShown) {
  auto c = sample();
  c.policy = "risk>=high";
  c.cases[0].policy_failure = "fails: expected-difference with risk high (risk>=high)";
  c.cases[1].acknowledgement = "we know (until 2027-01-01)";
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(render_junit(c).c_str()));
  const auto strcoll =
      doc.select_node("/testsuites/testsuite[@name='musl']/testcase[@name='Locale.StrcollCodepointOrder']")
          .node();
  EXPECT_TRUE(strcoll.child("failure")) << "the policy fails an expected difference";
  const auto crash =
      doc.select_node("/testsuites/testsuite[@name='musl']/testcase[@name='Locale.Crashes']").node();
  ASSERT_TRUE(crash.child("skipped"));
  EXPECT_NE(std::string(crash.child("skipped").attribute("message").value()).find("acknowledged (we know"),
            std::string::npos);
}

}  // namespace
}  // namespace libcdiff::report
