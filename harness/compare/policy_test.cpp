#include "compare/policy.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "util/error.hpp"

namespace libcdiff::compare {
namespace {

using model::Acknowledgement;
using model::CaseClass;
using model::CaseComparison;
using model::Outcome;

using Outcomes = std::map<std::string, Outcome>;
const Outcomes kBothPass = {{"musl", Outcome::pass}, {"glibc", Outcome::pass}};

CaseComparison make_case(const std::string& id, CaseClass cls, const std::string& risk = "",
                         bool failed = false, Outcomes outcomes = kBothPass) {
  CaseComparison c;
  c.id = id;
  c.cls = cls;
  c.risk = risk;
  c.failed = failed;
  c.outcomes = std::move(outcomes);
  // Every side but the reference (glibc) carries the case's class as its verdict.
  for (const auto& [label, o] : c.outcomes)
    if (label != "glibc") c.versus[label] = {cls, "", {}, {}};
  return c;
}

model::Comparison comparison_of(std::vector<CaseComparison> cases) {
  model::Comparison c;
  c.reference = "glibc";
  for (const auto& k : cases)
    for (const auto& [label, o] : k.outcomes)
      if (c.side(label) == nullptr) {
        c.targets.emplace_back();
        c.targets.back().label = label;
        c.targets.back().id = label.substr(0, label.find('@'));
      }
  c.cases = std::move(cases);
  return c;
}

Acknowledgement ack(const std::string& case_id, const std::string& reason, const std::string& side = "",
                    std::optional<std::string> expires = std::nullopt) {
  return {case_id, reason, side, std::move(expires), "libcdiff.toml:1: acknowledge #1"};
}

// The verdict on one case under `fail_on`, without acknowledgements.
CaseVerdict verdict(const std::string& fail_on, const CaseComparison& c) {
  const auto result = apply_policy(comparison_of({c}), parse_fail_on(fail_on), {}, "2027-01-01");
  EXPECT_EQ(result.verdicts.size(), 1u);
  return result.verdicts.at(c.id);
}

bool fails(const std::string& fail_on, CaseClass cls, const std::string& risk = "", bool failed = false) {
  return verdict(fail_on, make_case("A.B", cls, risk, failed)).fails;
}

std::string fail_on_error(const std::string& text) {
  try {
    parse_fail_on(text);
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    return e.line();
  }
  return "no error";
}

// --- parse_fail_on ---

TEST(PolicyFailOn, TheDefaultIsUnexpected) {
  EXPECT_EQ(to_string(FailOn{}), "unexpected");
  const auto parsed = parse_fail_on("unexpected");
  EXPECT_TRUE(parsed.unexpected);
  EXPECT_FALSE(parsed.crash);
  EXPECT_FALSE(parsed.any_difference);
  EXPECT_EQ(parsed.risk_at_least, std::nullopt);
}

TEST(PolicyFailOn, ParsesEveryValue) {
  EXPECT_EQ(to_string(parse_fail_on("crash")), "crash");
  EXPECT_FALSE(parse_fail_on("crash").unexpected);
  EXPECT_EQ(parse_fail_on("risk>=high").risk_at_least, Risk::high);
  EXPECT_EQ(parse_fail_on("risk>=medium").risk_at_least, Risk::medium);
  EXPECT_EQ(parse_fail_on("risk>=low").risk_at_least, Risk::low);
  EXPECT_TRUE(parse_fail_on("any-difference").any_difference);
  for (const char* text :
       {"unexpected", "crash", "risk>=high", "risk>=medium", "risk>=low", "any-difference"})
    EXPECT_EQ(to_string(parse_fail_on(text)), text);
}

TEST(PolicyFailOn, ACommaListIsTheUnion) {
  const auto f = parse_fail_on("crash, risk>=high ,any-difference");
  EXPECT_TRUE(f.crash);
  EXPECT_TRUE(f.any_difference);
  EXPECT_EQ(f.risk_at_least, Risk::high);
  EXPECT_FALSE(f.unexpected);
  EXPECT_EQ(to_string(f), "crash,risk>=high,any-difference");
  EXPECT_EQ(to_string(parse_fail_on("unexpected,unexpected,")), "unexpected");
  // Two thresholds: the lower one fails a superset.
  EXPECT_EQ(parse_fail_on("risk>=high,risk>=low").risk_at_least, Risk::low);
  EXPECT_EQ(parse_fail_on("risk>=low,risk>=medium").risk_at_least, Risk::low);
}

TEST(PolicyFailOn, BadValuesListTheAllowedOnes) {
  EXPECT_EQ(
      fail_on_error("crashes"),
      "libcdiff: error: --fail-on: 'crashes' is not a policy. Did you mean 'crash'? Use unexpected, crash, "
      "risk>=high, risk>=medium, risk>=low, any-difference, new, or several of them separated by commas.");
  EXPECT_EQ(fail_on_error("unexpected,everything"),
            "libcdiff: error: --fail-on: 'everything' is not a policy. Use unexpected, crash, risk>=high, "
            "risk>=medium, risk>=low, any-difference, new, or several of them separated by commas.");
  EXPECT_EQ(fail_on_error("risk>=severe"),
            "libcdiff: error: --fail-on: 'severe' is not a risk level (high, medium or low). Use unexpected, "
            "crash, risk>=high, risk>=medium, risk>=low, any-difference, new, or several of them separated "
            "by commas.");
  EXPECT_NE(fail_on_error("risk>=").find("'' is not a risk level"), std::string::npos);
  EXPECT_NE(fail_on_error("risk>=HIGH").find("'HIGH' is not a risk level"), std::string::npos);
  EXPECT_NE(fail_on_error("risk>high").find("'risk>high' is not a policy. Did you mean 'risk>=high'?"),
            std::string::npos);
  EXPECT_NE(fail_on_error("Unexpected").find("'Unexpected' is not a policy"), std::string::npos);
  EXPECT_EQ(fail_on_error(""),
            "libcdiff: error: --fail-on: names no policy. Use unexpected, crash, risk>=high, risk>=medium, "
            "risk>=low, any-difference, new, or several of them separated by commas.");
  EXPECT_NE(fail_on_error(" , ").find("--fail-on: names no policy."), std::string::npos);
}

// --- the rules, acknowledgements aside ---

TEST(PolicyRules, UnexpectedFailsOnProblemsAndFailedAssertions) {
  EXPECT_TRUE(fails("unexpected", CaseClass::unexpected_difference));
  EXPECT_TRUE(fails("unexpected", CaseClass::crash));
  EXPECT_TRUE(fails("unexpected", CaseClass::timeout));
  EXPECT_TRUE(fails("unexpected", CaseClass::error));
  EXPECT_TRUE(fails("unexpected", CaseClass::same, "", true));
  EXPECT_TRUE(fails("unexpected", CaseClass::expected_difference, "low", true));
  EXPECT_FALSE(fails("unexpected", CaseClass::same));
  EXPECT_FALSE(fails("unexpected", CaseClass::expected_difference, "high"));
  EXPECT_FALSE(fails("unexpected", CaseClass::expected_but_same));
  EXPECT_FALSE(fails("unexpected", CaseClass::skipped));
  EXPECT_FALSE(fails("unexpected", CaseClass::image_difference));
}

TEST(PolicyRules, TheDefaultAgreesWithHasUnexpected) {
  for (CaseClass cls : model::all_case_classes())
    for (bool failed : {false, true}) {
      const auto comparison = comparison_of({make_case("A.B", cls, "high", failed)});
      EXPECT_EQ(apply_policy(comparison, FailOn{}, {}, "2027-01-01").fails(), comparison.has_unexpected())
          << to_string(cls) << " failed=" << failed;
    }
}

TEST(PolicyRules, CrashFailsOnlyWhenThereIsNoAnswer) {
  EXPECT_TRUE(fails("crash", CaseClass::crash));
  EXPECT_TRUE(fails("crash", CaseClass::timeout));
  EXPECT_TRUE(fails("crash", CaseClass::error));
  EXPECT_FALSE(fails("crash", CaseClass::unexpected_difference, "high"));
  EXPECT_FALSE(fails("crash", CaseClass::expected_difference, "high"));
  EXPECT_FALSE(fails("crash", CaseClass::same, "", true));
  EXPECT_FALSE(fails("crash", CaseClass::skipped));
  EXPECT_FALSE(fails("crash", CaseClass::image_difference));
}

TEST(PolicyRules, RiskFailsOnBehaviourDifferencesAtOrAboveTheLevel) {
  EXPECT_TRUE(fails("risk>=high", CaseClass::expected_difference, "high"));
  EXPECT_FALSE(fails("risk>=high", CaseClass::expected_difference, "medium"));
  EXPECT_FALSE(fails("risk>=high", CaseClass::expected_difference, "low"));
  EXPECT_TRUE(fails("risk>=medium", CaseClass::expected_difference, "high"));
  EXPECT_TRUE(fails("risk>=medium", CaseClass::expected_difference, "medium"));
  EXPECT_FALSE(fails("risk>=medium", CaseClass::expected_difference, "low"));
  EXPECT_TRUE(fails("risk>=low", CaseClass::expected_difference, "low"));
  // A case without a rating (no cases.toml entry) is below every level.
  EXPECT_FALSE(fails("risk>=low", CaseClass::expected_difference, ""));
  // Classes that are not a difference in behaviour never fail on risk.
  for (CaseClass cls :
       {CaseClass::same, CaseClass::expected_but_same, CaseClass::skipped, CaseClass::image_difference})
    EXPECT_FALSE(fails("risk>=low", cls, "high")) << to_string(cls);
}

TEST(PolicyRules, RiskAlsoFailsOnEverythingUnexpectedDoes) {
  EXPECT_TRUE(fails("risk>=high", CaseClass::unexpected_difference, "low"));
  EXPECT_TRUE(fails("risk>=high", CaseClass::unexpected_difference, ""));
  EXPECT_TRUE(fails("risk>=high", CaseClass::crash, "low"));
  EXPECT_TRUE(fails("risk>=high", CaseClass::timeout, "low"));
  EXPECT_TRUE(fails("risk>=high", CaseClass::error, ""));
  EXPECT_TRUE(fails("risk>=high", CaseClass::same, "low", true));
}

TEST(PolicyRules, AnyDifferenceFailsOnEveryDifferenceAndErrors) {
  for (const char* risk : {"", "low", "medium", "high"})
    EXPECT_TRUE(fails("any-difference", CaseClass::expected_difference, risk)) << risk;
  EXPECT_TRUE(fails("any-difference", CaseClass::unexpected_difference));
  EXPECT_TRUE(fails("any-difference", CaseClass::crash));
  EXPECT_TRUE(fails("any-difference", CaseClass::timeout));
  EXPECT_TRUE(fails("any-difference", CaseClass::error));
  EXPECT_TRUE(fails("any-difference", CaseClass::same, "", true));  // never less strict than the default
  EXPECT_FALSE(fails("any-difference", CaseClass::same, "high"));
  EXPECT_FALSE(fails("any-difference", CaseClass::skipped, "high"));
  EXPECT_FALSE(fails("any-difference", CaseClass::image_difference, "high"));
  EXPECT_FALSE(fails("any-difference", CaseClass::expected_but_same, "high"));
}

TEST(PolicyRules, ACommaListFailsOnWhatAnyOfItsRulesFailsOn) {
  // crash alone lets an unexpected difference pass; risk>=high brings in everything unexpected fails on.
  EXPECT_FALSE(fails("crash", CaseClass::unexpected_difference, "low"));
  EXPECT_TRUE(fails("crash,risk>=high", CaseClass::unexpected_difference, "low"));
  EXPECT_TRUE(fails("crash,risk>=high", CaseClass::expected_difference, "high"));
  EXPECT_FALSE(fails("crash,risk>=high", CaseClass::expected_difference, "medium"));
  EXPECT_TRUE(fails("risk>=high,risk>=medium", CaseClass::expected_difference, "medium"));
  EXPECT_TRUE(fails("crash,unexpected", CaseClass::same, "", true));
  EXPECT_FALSE(fails("crash,unexpected", CaseClass::expected_difference, "high"));
  EXPECT_TRUE(fails("crash,any-difference", CaseClass::expected_difference, "low"));
}

TEST(PolicyRules, WhySaysWhichRuleFailed) {
  EXPECT_EQ(verdict("unexpected", make_case("A.B", CaseClass::unexpected_difference)).why,
            "fails: unexpected-difference");
  EXPECT_EQ(verdict("crash", make_case("A.B", CaseClass::timeout)).why, "fails: timeout");
  EXPECT_EQ(verdict("unexpected", make_case("A.B", CaseClass::error)).why, "fails: error");
  EXPECT_EQ(verdict("unexpected", make_case("A.B", CaseClass::expected_difference, "high", true)).why,
            "fails: failed assertions");
  EXPECT_EQ(verdict("risk>=medium", make_case("A.B", CaseClass::expected_difference, "high")).why,
            "fails: expected-difference with risk high (risk>=medium)");
  EXPECT_EQ(verdict("any-difference", make_case("A.B", CaseClass::expected_difference, "low")).why,
            "fails: expected-difference (any-difference)");
  const auto passing = verdict("unexpected", make_case("A.B", CaseClass::expected_difference, "high"));
  EXPECT_FALSE(passing.fails);
  EXPECT_EQ(passing.why, "");
  EXPECT_EQ(passing.ack, nullptr);
}

TEST(PolicyRules, EveryCaseGetsAVerdictAndOneFailureFailsTheRun) {
  const auto comparison = comparison_of({make_case("A.Same", CaseClass::same),
                                         make_case("A.Expected", CaseClass::expected_difference, "high"),
                                         make_case("A.Crash", CaseClass::crash)});
  const auto result = apply_policy(comparison, FailOn{}, {}, "2027-01-01");
  ASSERT_EQ(result.verdicts.size(), 3u);
  EXPECT_FALSE(result.verdicts.at("A.Same").fails);
  EXPECT_FALSE(result.verdicts.at("A.Expected").fails);
  EXPECT_TRUE(result.verdicts.at("A.Crash").fails);
  EXPECT_TRUE(result.fails());
  EXPECT_FALSE(
      apply_policy(comparison, parse_fail_on("risk>=low"), {}, "2027-01-01").verdicts.at("A.Same").fails);
  EXPECT_FALSE(apply_policy(comparison_of({make_case("A.Same", CaseClass::same)}), FailOn{}, {}, "2027-01-01")
                   .fails());
  EXPECT_FALSE(apply_policy(comparison_of({}), FailOn{}, {}, "2027-01-01").fails());
}

TEST(PolicyRules, TodayMustBeADate) {
  const auto comparison = comparison_of({make_case("A.B", CaseClass::same)});
  EXPECT_THROW(apply_policy(comparison, FailOn{}, {}, ""), std::invalid_argument);
  EXPECT_THROW(apply_policy(comparison, FailOn{}, {}, "2027-1-1"), std::invalid_argument);
  EXPECT_THROW(apply_policy(comparison, FailOn{}, {}, "2027-01-01T00:00:00Z"), std::invalid_argument);
}

// --- acknowledgements ---

TEST(PolicyAcknowledgements, AnAcknowledgedCaseDoesNotFail) {
  const std::vector<Acknowledgement> acks = {ack("Locale.Strcoll", "we sort with ICU")};
  const auto comparison =
      comparison_of({make_case("Locale.Strcoll", CaseClass::unexpected_difference, "high"),
                     make_case("Locale.Other", CaseClass::same)});
  const auto result = apply_policy(comparison, FailOn{}, acks, "2027-01-01");
  const auto& v = result.verdicts.at("Locale.Strcoll");
  EXPECT_FALSE(v.fails);
  EXPECT_EQ(v.why, "acknowledged: unexpected-difference (we sort with ICU)");
  EXPECT_EQ(v.ack, &acks[0]);
  EXPECT_FALSE(v.ack_expired);
  EXPECT_EQ(result.acknowledged, std::vector<std::string>{"Locale.Strcoll"});
  EXPECT_TRUE(result.expired.empty());
  EXPECT_TRUE(result.stale.empty());
  EXPECT_FALSE(result.fails());
  EXPECT_EQ(result.verdicts.at("Locale.Other").ack, nullptr);
}

TEST(PolicyAcknowledgements, AcknowledgingOneCaseLeavesOthersFailing) {
  const std::vector<Acknowledgement> acks = {ack("A.One", "fine")};
  const auto comparison =
      comparison_of({make_case("A.One", CaseClass::crash), make_case("A.Two", CaseClass::crash),
                     make_case("A.Three", CaseClass::crash)});
  const auto result = apply_policy(comparison, parse_fail_on("crash"), acks, "2027-01-01");
  EXPECT_TRUE(result.fails());
  EXPECT_FALSE(result.verdicts.at("A.One").fails);
  EXPECT_TRUE(result.verdicts.at("A.Two").fails);
  EXPECT_EQ(result.verdicts.at("A.Two").why, "fails: crash");
  EXPECT_EQ(result.acknowledged, std::vector<std::string>{"A.One"});
}

TEST(PolicyAcknowledgements, AcknowledgementsCoverWhateverThePolicyFailsOn) {
  const std::vector<Acknowledgement> acks = {ack("A.B", "accepted")};
  const auto risky = comparison_of({make_case("A.B", CaseClass::expected_difference, "high")});
  const auto result = apply_policy(risky, parse_fail_on("risk>=high"), acks, "2027-01-01");
  EXPECT_FALSE(result.fails());
  EXPECT_EQ(result.verdicts.at("A.B").why,
            "acknowledged: expected-difference with risk high (risk>=high) (accepted)");
  const auto failed = comparison_of({make_case("A.B", CaseClass::same, "", true)});
  EXPECT_EQ(apply_policy(failed, FailOn{}, acks, "2027-01-01").verdicts.at("A.B").why,
            "acknowledged: failed assertions (accepted)");
}

TEST(PolicyAcknowledgements, TheExpiryDayStillProtects) {
  const std::vector<Acknowledgement> acks = {ack("A.B", "until the upgrade", "", "2027-03-01")};
  const auto comparison = comparison_of({make_case("A.B", CaseClass::unexpected_difference)});
  for (const char* today : {"2026-12-31", "2027-02-28", "2027-03-01"}) {
    const auto result = apply_policy(comparison, FailOn{}, acks, today);
    EXPECT_FALSE(result.fails()) << today;
    EXPECT_FALSE(result.verdicts.at("A.B").ack_expired) << today;
    EXPECT_EQ(result.acknowledged, std::vector<std::string>{"A.B"}) << today;
  }
}

TEST(PolicyAcknowledgements, AnExpiredAcknowledgementFailsTheCase) {
  const std::vector<Acknowledgement> acks = {ack("A.B", "until the upgrade", "", "2027-03-01")};
  const auto comparison = comparison_of({make_case("A.B", CaseClass::unexpected_difference)});
  for (const char* today : {"2027-03-02", "2027-04-01", "2028-01-01"}) {
    const auto result = apply_policy(comparison, FailOn{}, acks, today);
    const auto& v = result.verdicts.at("A.B");
    EXPECT_TRUE(v.fails) << today;
    EXPECT_TRUE(v.ack_expired) << today;
    EXPECT_EQ(v.ack, &acks[0]);
    EXPECT_EQ(v.why, "acknowledgement expired on 2027-03-01 (until the upgrade)");
    EXPECT_TRUE(result.fails());
    EXPECT_EQ(result.expired, std::vector<std::string>{"A.B"});
    EXPECT_TRUE(result.acknowledged.empty());
  }
}

TEST(PolicyAcknowledgements, AnExpiredAcknowledgementOfACaseThePolicyPassesFailsNothing) {
  const std::vector<Acknowledgement> acks = {ack("A.B", "old", "", "2020-01-01")};
  const auto comparison = comparison_of({make_case("A.B", CaseClass::expected_difference, "high")});
  const auto result = apply_policy(comparison, FailOn{}, acks, "2027-01-01");
  EXPECT_FALSE(result.fails());
  EXPECT_TRUE(result.verdicts.at("A.B").ack_expired);
  EXPECT_TRUE(result.expired.empty());
  EXPECT_TRUE(result.stale.empty());  // it differs: the entry still describes something
  // The same entry under a stricter policy is needed, and no longer protects.
  EXPECT_TRUE(apply_policy(comparison, parse_fail_on("risk>=high"), acks, "2027-01-01").fails());
}

TEST(PolicyAcknowledgements, AnAcknowledgementWhoseCaseDidNotDifferIsStale) {
  const std::vector<Acknowledgement> acks = {ack("A.Same", "was different on 1.2.3"),
                                             ack("A.Gone", "no longer"), ack("A.Crash", "known"),
                                             ack("A.ExpectedButSame", "fixed upstream")};
  const auto comparison =
      comparison_of({make_case("A.ExpectedButSame", CaseClass::expected_but_same),
                     make_case("A.Same", CaseClass::same), make_case("A.Crash", CaseClass::crash)});
  const auto result = apply_policy(comparison, FailOn{}, acks, "2027-01-01");
  EXPECT_FALSE(result.fails());
  // In file order, whatever the order of the cases.
  EXPECT_EQ(result.stale, (std::vector<const Acknowledgement*>{&acks[0], &acks[3]}));
  const auto& v = result.verdicts.at("A.Same");
  EXPECT_FALSE(v.fails);
  EXPECT_EQ(v.ack, &acks[0]);
  EXPECT_EQ(v.why, "stale acknowledgement: the case did not differ (was different on 1.2.3)");
  EXPECT_EQ(result.acknowledged, std::vector<std::string>{"A.Crash"});
  // A case that is not in this comparison (another area, another run) proves nothing.
  EXPECT_EQ(result.verdicts.count("A.Gone"), 0u);
}

TEST(PolicyAcknowledgements, OnlyACaseThatRanAndAgreedMakesItsAcknowledgementStale) {
  const std::vector<Acknowledgement> acks = {ack("A.B", "r")};
  for (CaseClass cls :
       {CaseClass::skipped, CaseClass::image_difference, CaseClass::error, CaseClass::expected_difference,
        CaseClass::unexpected_difference, CaseClass::crash, CaseClass::timeout})
    EXPECT_TRUE(
        apply_policy(comparison_of({make_case("A.B", cls)}), FailOn{}, acks, "2027-01-01").stale.empty())
        << to_string(cls);
  // Same observations but a side violated the case's assertions: it did differ, even where the policy
  // (crash) does not fail on it.
  const auto failed = comparison_of({make_case("A.B", CaseClass::same, "", true)});
  EXPECT_TRUE(apply_policy(failed, parse_fail_on("crash"), acks, "2027-01-01").stale.empty());
}

TEST(PolicyAcknowledgements, AStaleExpiredAcknowledgementIsStaleNotAFailure) {
  const std::vector<Acknowledgement> acks = {ack("A.B", "r", "", "2020-01-01")};
  const auto result =
      apply_policy(comparison_of({make_case("A.B", CaseClass::same)}), FailOn{}, acks, "2027-01-01");
  EXPECT_FALSE(result.fails());
  EXPECT_EQ(result.stale, std::vector<const Acknowledgement*>{&acks[0]});
  EXPECT_TRUE(result.expired.empty());
}

TEST(PolicyAcknowledgements, ASideAcknowledgementOnlyCoversItsSide) {
  const std::vector<Acknowledgement> acks = {ack("A.B", "old musl only", "musl-1.2.3")};
  const auto on_old_musl =
      comparison_of({make_case("A.B", CaseClass::unexpected_difference, "", false,
                               {{"musl-1.2.3", Outcome::pass}, {"glibc", Outcome::pass}})});
  const auto on_new_musl = comparison_of({make_case("A.B", CaseClass::unexpected_difference)});
  const auto covered = apply_policy(on_old_musl, FailOn{}, acks, "2027-01-01");
  EXPECT_FALSE(covered.fails());
  EXPECT_EQ(covered.verdicts.at("A.B").ack, &acks[0]);
  const auto uncovered = apply_policy(on_new_musl, FailOn{}, acks, "2027-01-01");
  EXPECT_TRUE(uncovered.fails());
  EXPECT_EQ(uncovered.verdicts.at("A.B").ack, nullptr);
  EXPECT_EQ(uncovered.verdicts.at("A.B").why, "fails: unexpected-difference");
  EXPECT_TRUE(uncovered.acknowledged.empty());
}

TEST(PolicyAcknowledgements, ACrashIsOnTheSideThatCrashed) {
  const std::vector<Acknowledgement> acks = {ack("A.B", "musl's small stack", "musl")};
  const auto musl_crashed = comparison_of(
      {make_case("A.B", CaseClass::crash, "", false, {{"musl", Outcome::crash}, {"glibc", Outcome::pass}})});
  const auto glibc_crashed = comparison_of(
      {make_case("A.B", CaseClass::crash, "", false, {{"musl", Outcome::pass}, {"glibc", Outcome::crash}})});
  const auto glibc_timed_out = comparison_of({make_case(
      "A.B", CaseClass::timeout, "", false, {{"musl", Outcome::pass}, {"glibc", Outcome::timeout}})});
  const auto glibc_no_build = comparison_of({make_case(
      "A.B", CaseClass::error, "", false, {{"musl", Outcome::pass}, {"glibc", Outcome::build_error}})});
  const auto musl_no_build = comparison_of({make_case(
      "A.B", CaseClass::error, "", false, {{"musl", Outcome::build_error}, {"glibc", Outcome::pass}})});
  EXPECT_FALSE(apply_policy(musl_crashed, FailOn{}, acks, "2027-01-01").fails());
  EXPECT_TRUE(apply_policy(glibc_crashed, FailOn{}, acks, "2027-01-01").fails());
  EXPECT_TRUE(apply_policy(glibc_timed_out, FailOn{}, acks, "2027-01-01").fails());
  EXPECT_TRUE(apply_policy(glibc_no_build, FailOn{}, acks, "2027-01-01").fails());
  EXPECT_FALSE(apply_policy(musl_no_build, FailOn{}, acks, "2027-01-01").fails());
  // Without a side, the entry covers the crash wherever it happened.
  EXPECT_FALSE(apply_policy(glibc_crashed, FailOn{}, {ack("A.B", "any")}, "2027-01-01").fails());
}

TEST(PolicyAcknowledgements, ASideAcknowledgementIsStaleOnlyWhereItsSideRan) {
  const std::vector<Acknowledgement> acks = {ack("A.B", "old musl only", "musl-1.2.3")};
  const auto without_that_side = comparison_of({make_case("A.B", CaseClass::same)});
  EXPECT_TRUE(apply_policy(without_that_side, FailOn{}, acks, "2027-01-01").stale.empty());
  const auto with_that_side = comparison_of({make_case(
      "A.B", CaseClass::same, "", false, {{"musl-1.2.3", Outcome::pass}, {"glibc", Outcome::pass}})});
  EXPECT_EQ(apply_policy(with_that_side, FailOn{}, acks, "2027-01-01").stale,
            std::vector<const Acknowledgement*>{&acks[0]});
}

TEST(PolicyAcknowledgements, ASideEntryDecidesOverAnEntryForAnySide) {
  const auto comparison = comparison_of({make_case("A.B", CaseClass::unexpected_difference)});
  {
    const std::vector<Acknowledgement> acks = {ack("A.B", "any", "", "2030-01-01"),
                                               ack("A.B", "musl", "musl", "2026-06-30")};
    const auto result = apply_policy(comparison, FailOn{}, acks, "2027-01-01");
    EXPECT_TRUE(result.fails());
    EXPECT_EQ(result.verdicts.at("A.B").ack, &acks[1]);
    EXPECT_EQ(result.verdicts.at("A.B").why, "acknowledgement expired on 2026-06-30 (musl)");
  }
  {
    const std::vector<Acknowledgement> acks = {ack("A.B", "any", "", "2026-06-30"),
                                               ack("A.B", "musl", "musl", "2030-01-01")};
    const auto result = apply_policy(comparison, FailOn{}, acks, "2027-01-01");
    EXPECT_FALSE(result.fails());
    EXPECT_EQ(result.verdicts.at("A.B").ack, &acks[1]);
    EXPECT_EQ(result.verdicts.at("A.B").why, "acknowledged: unexpected-difference (musl)");
  }
  {
    // Both sides acknowledged: an expired deadline on either is not extended by the other.
    const std::vector<Acknowledgement> acks = {ack("A.B", "glibc", "glibc"),
                                               ack("A.B", "musl", "musl", "2026-06-30")};
    const auto result = apply_policy(comparison, FailOn{}, acks, "2027-01-01");
    EXPECT_TRUE(result.fails());
    EXPECT_EQ(result.verdicts.at("A.B").ack, &acks[1]);
  }
}

}  // namespace
}  // namespace libcdiff::compare
