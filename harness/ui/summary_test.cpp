#include "ui/summary.hpp"

#include <gtest/gtest.h>

namespace libcdiff::ui {
namespace {

model::CaseComparison with_sides(const std::string& id, const std::string& area,
                                 std::map<std::string, model::CaseClass> versus) {
  model::CaseComparison k;
  k.id = id;
  k.area = area;
  k.cls = model::CaseClass::same;
  for (const auto& [label, cls] : versus) {
    k.versus[label] = {cls, label + " reason", {}, {}};
    if (model::severity_rank(cls) < model::severity_rank(k.cls)) k.cls = cls;
  }
  return k;
}

model::Comparison three_sides() {
  model::Comparison c;
  for (const char* label : {"musl", "musl-1.2.3", "glibc"}) {
    c.targets.emplace_back();
    c.targets.back().label = c.targets.back().id = label;
  }
  c.reference = "glibc";
  using model::CaseClass;
  c.cases = {
      with_sides("Locale.A", "locale",
                 {{"musl", CaseClass::expected_difference}, {"musl-1.2.3", CaseClass::expected_difference}}),
      with_sides("Locale.B", "locale",
                 {{"musl", CaseClass::same}, {"musl-1.2.3", CaseClass::unexpected_difference}}),
      with_sides("Threads.C", "threads", {{"musl", CaseClass::crash}, {"musl-1.2.3", CaseClass::same}})};
  return c;
}

TEST(Summary, AMatrixOfAreaBySideCountsDifferencesUnexpectedAndCrashes) {
  const auto text = render_summary(three_sides(), "report.md");
  EXPECT_NE(text.find("3 cases compared, musl vs musl-1.2.3 vs glibc (reference glibc)"), std::string::npos)
      << text;
  EXPECT_NE(text.find("per area vs glibc (differences/unexpected/crashes):"), std::string::npos) << text;
  EXPECT_NE(text.find("  locale               1/0/0       2/1/0\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  threads              0/0/1       0/0/0\n"), std::string::npos) << text;
}

TEST(Summary, NeedsAttentionListsWhatThePolicyFails) {
  auto c = three_sides();
  auto text = render_summary(c, "report.md");
  EXPECT_NE(text.find("Needs attention:"), std::string::npos);
  EXPECT_NE(text.find("unexpected-difference  Locale.B"), std::string::npos) << text;
  c.policy = "crash";
  c.cases[2].policy_failure = "fails: crash";
  c.cases[1].acknowledgement = "known (until 2027-01-01)";
  text = render_summary(c, "report.md");
  EXPECT_EQ(text.find("Locale.B"), std::string::npos) << "not failing under --fail-on crash: " << text;
  EXPECT_NE(text.find("crash                  Threads.C  fails: crash;"), std::string::npos) << text;
  EXPECT_NE(text.find("1 differences acknowledged in your libcdiff.toml"), std::string::npos) << text;
}

}  // namespace
}  // namespace libcdiff::ui
