#include "compare/compare_runs.hpp"

#include <gtest/gtest.h>

namespace libcdiff::compare {
namespace {

model::RunRecord record(const std::string& target, const std::string& family, const std::string& version,
                        std::vector<model::CaseResult> cases) {
  model::RunRecord r;
  r.target = target;
  r.finished_at = "2026-01-01T00:00:00Z";
  r.provenance.libc.family = family;
  r.provenance.libc.version = version;
  r.provenance.compiler = "clang 16";
  r.provenance.cxx_library = "libc++";
  r.cases = std::move(cases);
  return r;
}

TEST(CompareRuns, UnionOfCasesSortedByAreaThenId) {
  const auto a =
      record("musl", "musl", "1.2.5",
             {{"B.Two", "b", model::Outcome::pass, "", {}}, {"A.One", "a", model::Outcome::pass, "", {}}});
  const auto b = record("glibc", "glibc", "2.36", {{"A.One", "a", model::Outcome::pass, "", {}}});
  const auto c = compare_runs(a, b, {}, "now");
  ASSERT_EQ(c.cases.size(), 2u);
  EXPECT_EQ(c.cases[0].id, "A.One");
  EXPECT_EQ(c.cases[1].id, "B.Two");
  EXPECT_EQ(c.cases[1].cls, model::CaseClass::skipped);
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_NE(c.warnings[0].find("1 only in musl's record, 0 only in glibc's"), std::string::npos)
      << c.warnings[0];
}

TEST(CompareRuns, WarnsWhenCompilersDifferOrMuslStackLooksWrong) {
  auto a = record("musl", "musl", "1.2.5", {});
  a.provenance.thread_default_stack_bytes = 8 << 20;
  auto b = record("glibc-gcc", "glibc", "2.36", {});
  b.provenance.compiler = "gcc 12";
  const auto c = compare_runs(a, b, {}, "now");
  ASSERT_EQ(c.warnings.size(), 2u);
  EXPECT_NE(c.warnings[0].find("compiler"), std::string::npos);
  EXPECT_NE(c.warnings[1].find("128 KiB"), std::string::npos);
}

TEST(CompareRuns, UnexpectedDifferenceMakesTheComparisonFail) {
  const auto a = record("musl", "musl", "1.2.5", {{"A.One", "a", model::Outcome::pass, "", {{"k", "1"}}}});
  const auto b = record("glibc", "glibc", "2.36", {{"A.One", "a", model::Outcome::pass, "", {{"k", "2"}}}});
  const auto c = compare_runs(a, b, {}, "now");
  EXPECT_TRUE(c.has_unexpected());
  EXPECT_EQ(c.counts().at(model::CaseClass::unexpected_difference), 1);
}

}  // namespace
}  // namespace libcdiff::compare
