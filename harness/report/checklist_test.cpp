#include "report/checklist.hpp"

#include <gtest/gtest.h>

#include "report/markdown.hpp"

namespace libcdiff::report {
namespace {

model::CaseComparison difference(const std::string& id, const std::string& area, const std::string& risk,
                                 model::CaseClass cls = model::CaseClass::expected_difference) {
  model::CaseComparison k;
  k.id = id;
  k.area = area;
  k.title = id + " title";
  k.risk = risk;
  k.cls = cls;
  k.breaks = id + " breaks";
  k.fix = id + " fix";
  k.apis = {"pthread_create", "pthread_attr_setstacksize"};
  return k;
}

model::Comparison comparison() {
  model::Comparison c;
  c.targets.resize(2);
  c.targets[0].label = c.targets[0].id = "musl";
  c.targets[1].label = c.targets[1].id = "glibc";
  c.reference = "glibc";
  c.cases = {difference("Locale.Low", "locale", "low"),
             difference("Threads.High", "threads", "high"),
             difference("Dns.High", "dns", "high"),
             difference("Math.Same", "math", "high", model::CaseClass::same),
             difference("Time.Skip", "time", "high", model::CaseClass::skipped),
             difference("Locale.Broken", "locale", "medium", model::CaseClass::error),
             difference("Stdio.New", "stdio", "medium", model::CaseClass::unexpected_difference)};
  c.cases.back().fix.clear();  // nobody documented it
  return c;
}

TEST(Checklist, RanksDifferencesByRiskThenAreaAndLeavesOutWhatDidNotDiffer) {
  const auto c = comparison();  // the checklist points into it
  const auto list = migration_checklist(c);
  std::vector<std::string> ids;
  for (const auto* k : list.items) ids.push_back(k->id);
  EXPECT_EQ(ids, (std::vector<std::string>{"Dns.High", "Threads.High", "Stdio.New", "Locale.Low"}));
  EXPECT_EQ(list.by_risk.at("high"), 2);
  EXPECT_EQ(list.by_risk.at("medium"), 1);
  ASSERT_EQ(list.no_answer.size(), 1u);
  EXPECT_EQ(list.no_answer[0]->id, "Locale.Broken");
}

TEST(Checklist, TheMarkdownReportStartsWithItAndGivesEachHighRiskFix) {
  const auto md = render_markdown(comparison());
  const auto checklist = md.find("## Migration checklist");
  ASSERT_NE(checklist, std::string::npos);
  EXPECT_LT(checklist, md.find("## Targets")) << "the checklist comes before everything else";
  EXPECT_NE(md.find("   - Fix: Threads.High fix"), std::string::npos);
  EXPECT_NE(md.find("   - Look for: `pthread_create`, `pthread_attr_setstacksize`"), std::string::npos);
  EXPECT_NE(md.find("(#case-Dns.High)"), std::string::npos);
  EXPECT_NE(md.find("<a id=\"case-Dns.High\"></a>"), std::string::npos) << "the evidence link has a target";
  EXPECT_NE(md.find("Fix: none recorded"), std::string::npos) << "an undocumented difference says so";
  EXPECT_NE(md.find("No answer for 1 cases"), std::string::npos);
  EXPECT_LT(md.find("Dns.High title"), md.find("Locale.Low title")) << "high risk before low";
}

}  // namespace
}  // namespace libcdiff::report
