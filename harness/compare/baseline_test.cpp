#include "compare/baseline.hpp"

#include <gtest/gtest.h>

#include "compare/policy.hpp"

namespace libcdiff::compare {
namespace {

model::Comparison night(const std::string& musl_label,
                        const std::vector<std::tuple<std::string, model::CaseClass, std::string>>& cases) {
  model::Comparison c;
  c.reference = "glibc";
  model::TargetSummary musl, glibc;
  musl.label = musl_label;
  musl.provenance.libc.family = "musl";
  glibc.label = "glibc";
  glibc.provenance.libc.family = "glibc";
  c.targets = {musl, glibc};
  for (const auto& [id, cls, value] : cases) {
    model::CaseComparison k;
    k.id = id;
    k.cls = cls;
    k.versus[musl_label].cls = cls;
    k.observations[musl_label]["v"] = value;
    k.observations["glibc"]["v"] = "g";
    c.cases.push_back(k);
  }
  return c;
}

TEST(Baseline, EachCaseIsNewChangedResolvedOrUnchanged) {
  using model::CaseClass;
  const auto then = night("musl", {{"A.New", CaseClass::same, "g"},
                                   {"A.Changed", CaseClass::unexpected_difference, "1"},
                                   {"A.Resolved", CaseClass::expected_difference, "1"},
                                   {"A.Unchanged", CaseClass::unexpected_difference, "1"}});
  // musl-1.2.3 in musl's place: matched by libc family.
  auto now = night("musl-1.2.3", {{"A.New", CaseClass::unexpected_difference, "1"},
                                  {"A.Changed", CaseClass::unexpected_difference, "2"},
                                  {"A.Resolved", CaseClass::same, "g"},
                                  {"A.Unchanged", CaseClass::unexpected_difference, "1"},
                                  {"A.Added", CaseClass::expected_difference, "1"}});
  compare_with_baseline(now, then, "last night");
  EXPECT_EQ(now.baseline, "last night");
  std::map<std::string, std::string> status;
  for (const auto& c : now.cases) status[c.id] = c.baseline;
  EXPECT_EQ(status["A.New"], "new");
  EXPECT_EQ(status["A.Changed"], "changed");
  EXPECT_EQ(status["A.Resolved"], "resolved");
  EXPECT_EQ(status["A.Unchanged"], "unchanged");
  EXPECT_EQ(status["A.Added"], "new") << "a case the baseline did not have is new when it differs";

  // --fail-on new: the unchanged unexpected difference passes, the new and changed ones fail.
  const auto result = apply_policy(now, parse_fail_on("new"), {}, "2026-11-30");
  EXPECT_TRUE(result.verdicts.at("A.New").fails);
  EXPECT_TRUE(result.verdicts.at("A.Changed").fails);
  EXPECT_FALSE(result.verdicts.at("A.Unchanged").fails);
  EXPECT_NE(result.verdicts.at("A.Unchanged").why.find("not new since the baseline"), std::string::npos);
  // The default policy still fails every unexpected difference.
  EXPECT_TRUE(
      apply_policy(now, parse_fail_on("unexpected"), {}, "2026-11-30").verdicts.at("A.Unchanged").fails);
  EXPECT_EQ(to_string(parse_fail_on("new")), "unexpected,new");
}

}  // namespace
}  // namespace libcdiff::compare
