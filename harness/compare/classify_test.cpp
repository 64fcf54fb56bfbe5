#include "compare/classify.hpp"

#include <gtest/gtest.h>

namespace libcdiff::compare {
namespace {

using model::CaseClass;
using model::CaseResult;
using model::Outcome;

model::CaseMeta meta_expecting_musl(std::vector<std::string> keys = {}, std::string versions = "*") {
  model::CaseMeta meta;
  meta.id = "Locale.X";
  meta.area = "locale";
  meta.risk = "high";
  meta.expectations.push_back(
      {"musl", util::VersionRange::parse(versions), std::move(keys), "documented", ""});
  return meta;
}

CaseResult result(model::Observations obs, Outcome outcome = Outcome::pass, std::string message = "") {
  return {"Locale.X", "locale", outcome, std::move(message), std::move(obs)};
}

model::CaseComparison classify(const model::CaseMeta* meta, const CaseResult* a, const CaseResult* b,
                               std::string musl_version = "1.2.5") {
  return classify_case("Locale.X", meta, {"musl", "musl", musl_version, a, "", ""},
                       {"glibc", "glibc", "2.36", b, "", ""});
}

TEST(Classify, IdenticalObservationsWithoutExpectationAreSame) {
  const auto a = result({{"k", "1"}});
  const auto b = result({{"k", "1"}});
  EXPECT_EQ(classify(nullptr, &a, &b).cls, CaseClass::same);
}

TEST(Classify, DifferenceCoveredByExpectationIsExpected) {
  const auto meta = meta_expecting_musl();
  const auto a = result({{"k", "musl"}});
  const auto b = result({{"k", "glibc"}});
  const auto c = classify(&meta, &a, &b);
  EXPECT_EQ(c.cls, CaseClass::expected_difference);
  EXPECT_EQ(c.differing_keys, std::vector<std::string>{"k"});
  EXPECT_EQ(c.reason, "documented");
}

TEST(Classify, DifferenceWithoutExpectationIsUnexpected) {
  const auto a = result({{"k", "musl"}});
  const auto b = result({{"k", "glibc"}});
  const auto c = classify(nullptr, &a, &b);
  EXPECT_EQ(c.cls, CaseClass::unexpected_difference);
  EXPECT_EQ(c.unexpected_keys, std::vector<std::string>{"k"});
}

TEST(Classify, KeyScopedExpectationLeavesOtherKeysUnexpected) {
  const auto meta = meta_expecting_musl({"expected_key"});
  const auto a = result({{"expected_key", "1"}, {"other", "x"}});
  const auto b = result({{"expected_key", "2"}, {"other", "y"}});
  const auto c = classify(&meta, &a, &b);
  EXPECT_EQ(c.cls, CaseClass::unexpected_difference);
  EXPECT_EQ(c.unexpected_keys, std::vector<std::string>{"other"});
}

TEST(Classify, ExpectedDifferenceThatDidNotShowIsExpectedButSame) {
  const auto meta = meta_expecting_musl();
  const auto a = result({{"k", "1"}});
  const auto b = result({{"k", "1"}});
  EXPECT_EQ(classify(&meta, &a, &b).cls, CaseClass::expected_but_same);
}

TEST(Classify, ExpectationOutsideTheVersionRangeDoesNotApply) {
  const auto meta = meta_expecting_musl({}, "<1.2.4");
  const auto a = result({{"k", "musl"}});
  const auto b = result({{"k", "glibc"}});
  EXPECT_EQ(classify(&meta, &a, &b, "1.2.5").cls, CaseClass::unexpected_difference);
  EXPECT_EQ(classify(&meta, &a, &b, "1.2.3").cls, CaseClass::expected_difference);
}

TEST(Classify, ExpectationMatchingBothSidesExpectsNoDifference) {
  // musl 1.2.3 vs musl 1.2.5 under a "musl, any version" expectation: neither side is the odd one out.
  const auto meta = meta_expecting_musl();
  const auto a = result({{"k", "1"}});
  const auto b = result({{"k", "2"}});
  const auto c = classify_case("Locale.X", &meta, {"musl-1.2.3", "musl", "1.2.3", &a, "", ""},
                               {"musl", "musl", "1.2.5", &b, "", ""});
  EXPECT_EQ(c.cls, CaseClass::unexpected_difference);
}

TEST(Classify, MissingKeyOnOneSideIsADifference) {
  const auto a = result({{"k", "1"}, {"only_musl", "x"}});
  const auto b = result({{"k", "1"}});
  EXPECT_EQ(classify(nullptr, &a, &b).differing_keys, std::vector<std::string>{"only_musl"});
}

TEST(Classify, CrashWinsOverObservations) {
  const auto a = result({}, Outcome::crash, "SIGSEGV");
  const auto b = result({{"k", "1"}});
  const auto c = classify(nullptr, &a, &b);
  EXPECT_EQ(c.cls, CaseClass::crash);
  EXPECT_EQ(c.reason, "musl: SIGSEGV");
}

TEST(Classify, TimeoutIsItsOwnClass) {
  const auto a = result({});
  const auto b = result({}, Outcome::timeout, "timeout after 1000 ms");
  EXPECT_EQ(classify(nullptr, &a, &b).cls, CaseClass::timeout);
}

TEST(Classify, SkipCarriesItsReason) {
  const auto a = result({{"k", "1"}});
  const auto b = result({}, Outcome::skip, "locale de_DE.UTF-8 is not installed");
  const auto c = classify(nullptr, &a, &b);
  EXPECT_EQ(c.cls, CaseClass::skipped);
  EXPECT_EQ(c.reason, "glibc: locale de_DE.UTF-8 is not installed");
}

TEST(Classify, SuiteThatDidNotBuildIsAnErrorNeverASkip) {
  const auto a = result({}, Outcome::build_error, "build failed (exit 1): zz.cpp:1:1: error: unknown type");
  const auto b = result({{"k", "1"}});
  const auto c = classify(nullptr, &a, &b);
  EXPECT_EQ(c.cls, CaseClass::error);
  EXPECT_EQ(c.reason, "no answer: musl: build failed (exit 1): zz.cpp:1:1: error: unknown type");
  model::Comparison comparison;
  comparison.cases.push_back(c);
  EXPECT_TRUE(comparison.has_unexpected()) << "a target that did not build must fail the run";
}

TEST(Classify, CaseMissingOnOneTargetIsSkipped) {
  const auto a = result({{"k", "1"}});
  const auto c = classify(nullptr, &a, nullptr);
  EXPECT_EQ(c.cls, CaseClass::skipped);
  EXPECT_EQ(c.reason, "did not run on glibc");
}

TEST(Classify, FailureOnOneSideIsAnUnexpectedOutcomeDifferenceEvenWhenExpected) {
  const auto meta = meta_expecting_musl();
  const auto a = result({{"k", "1"}}, Outcome::fail, "x.cpp:1: got 1, want 2");
  const auto b = result({{"k", "1"}});
  const auto c = classify(&meta, &a, &b);
  EXPECT_TRUE(c.failed);
  EXPECT_EQ(c.cls, CaseClass::unexpected_difference);
  EXPECT_EQ(c.unexpected_keys, std::vector<std::string>{"(outcome)"});
}

TEST(Classify, CopiesMetadataAndBothSidesObservations) {
  auto meta = meta_expecting_musl();
  meta.title = "title";
  meta.references = {"ref"};
  const auto a = result({{"k", "musl"}});
  const auto b = result({{"k", "glibc"}});
  const auto c = classify(&meta, &a, &b);
  EXPECT_EQ(c.title, "title");
  EXPECT_EQ(c.references, std::vector<std::string>{"ref"});
  EXPECT_EQ(c.observations.at("musl").at("k"), "musl");
  EXPECT_EQ(c.observations.at("glibc").at("k"), "glibc");
}

TEST(Classify, AToolchainExpectationCoversOnlySidesBuiltWithThatToolchain) {
  model::CaseMeta meta;
  meta.id = "Threads.X";
  model::Expectation e{
      "glibc", util::VersionRange::parse("*"), {"destructor"}, "toolchain difference", "libc++"};
  meta.expectations.push_back(e);
  const auto clang = result({{"destructor", "child died"}});
  const auto gcc = result({{"destructor", "yes"}});
  const Side glibc{"glibc", "glibc", "2.36", &clang, "clang 16.0.6", "libc++ 160006"};
  const Side glibc_gcc{"glibc-gcc", "glibc", "2.36", &gcc, "gcc 12.2.0", "libstdc++ 12"};
  const auto c = classify_case("Threads.X", &meta, glibc_gcc, glibc);
  EXPECT_EQ(c.cls, CaseClass::expected_difference);
  EXPECT_EQ(c.reason, "toolchain difference");
  // Both built with libc++: the expectation applies to both sides, so a difference is unexpected.
  const Side glibc_too{"glibc@2", "glibc", "2.36", &gcc, "clang 16.0.6", "libc++ 160006"};
  EXPECT_EQ(classify_case("Threads.X", &meta, glibc_too, glibc).cls, CaseClass::unexpected_difference);
}

TEST(Classify, ThreeSidesEachAgainstTheReferenceWorstSideDecides) {
  const auto meta = meta_expecting_musl({}, "<1.2.4");
  const auto old_musl = result({{"k", "old"}});
  const auto new_musl = result({{"k", "x"}});
  const auto glibc = result({{"k", "x"}});
  const std::vector<Side> sides = {{"musl", "musl", "1.2.5", &new_musl, "", ""},
                                   {"musl-1.2.3", "musl", "1.2.3", &old_musl, "", ""},
                                   {"glibc", "glibc", "2.36", &glibc, "", ""}};
  const auto c = classify_case("Locale.X", &meta, sides, 2);
  EXPECT_EQ(c.versus.at("musl").cls, CaseClass::same);
  EXPECT_EQ(c.versus.at("musl-1.2.3").cls, CaseClass::expected_difference) << "a version-ranged expectation";
  EXPECT_EQ(c.cls, CaseClass::expected_difference);
  EXPECT_EQ(c.groups, (std::vector<std::vector<std::string>>{{"musl", "glibc"}, {"musl-1.2.3"}}));
  EXPECT_EQ(c.reason, "musl-1.2.3: documented");
}

}  // namespace
}  // namespace libcdiff::compare
