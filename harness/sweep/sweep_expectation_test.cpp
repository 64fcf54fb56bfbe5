#include "sweep/sweep_expectation.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace libcdiff::sweep {
namespace {

std::string parse_error(std::string_view range) {
  try {
    KeyRange::parse(range);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(SweepExpectation, RangeCoversItsFamilysPointsInclusiveWhateverTheNotation) {
  const KeyRange r = KeyRange::parse("wcwidth U+1F900..U+1F9FF");
  EXPECT_TRUE(r.covers(split_key("wcwidth U+1F900")));
  EXPECT_TRUE(r.covers(split_key("wcwidth U+1F9FF")));
  EXPECT_TRUE(r.covers(split_key("wcwidth 0x1f950")));
  EXPECT_TRUE(r.covers(split_key("wcwidth 129280")));  // 0x1F900 in decimal
  EXPECT_FALSE(r.covers(split_key("wcwidth U+1FA00")));
  EXPECT_FALSE(r.covers(split_key("wcwidth U+1F8FF")));
  EXPECT_FALSE(r.covers(split_key("wcswidth U+1F900")));         // another family
  EXPECT_FALSE(r.covers(split_key("wcwidth C.UTF-8 U+1F900")));  // also another family
  EXPECT_FALSE(r.covers(split_key("wcwidth name")));
}

TEST(SweepExpectation, RangeWithoutFamilyCoversEveryFamily) {
  const KeyRange r = KeyRange::parse("-5..5");
  EXPECT_TRUE(r.covers(split_key("errno -5")));
  EXPECT_TRUE(r.covers(split_key("x y 0")));
  EXPECT_TRUE(r.covers(split_key("3")));
  EXPECT_FALSE(r.covers(split_key("errno 6")));
}

TEST(SweepExpectation, MalformedRangesSayWhatIsWrong) {
  EXPECT_NE(parse_error("wcwidth U+1F900").find("has no \"..\""), std::string::npos);
  EXPECT_NE(parse_error("wcwidth U+1F900..zz").find("\"zz\" is not a point"), std::string::npos);
  EXPECT_NE(parse_error("wcwidth U+1F9FF..U+1F900").find("ends before it starts"), std::string::npos);
}

TEST(SweepExpectation, GlobOnTheWholeKey) {
  EXPECT_TRUE(glob_matches("wcwidth U+1F*", "wcwidth U+1F900"));
  EXPECT_FALSE(glob_matches("wcwidth U+1F*", "wcwidth U+2F900"));
  EXPECT_TRUE(glob_matches("*", ""));
  EXPECT_TRUE(glob_matches("a*b*c", "a__b__b__c"));
  EXPECT_FALSE(glob_matches("a*b*c", "a__b__b__"));
  EXPECT_TRUE(glob_matches("errno ?", "errno 5"));
  EXPECT_FALSE(glob_matches("errno ?", "errno 10"));
  EXPECT_TRUE(glob_matches("x ?", "x \xc3\xa9"));  // '?' is one character, not one byte
  EXPECT_TRUE(glob_matches("x *?", "x \xc3\xa9"));
  EXPECT_TRUE(glob_matches("[a]", "[a]"));  // no classes: brackets are literal
  EXPECT_FALSE(glob_matches("abc", "abcd"));
}

TEST(SweepExpectation, PredicatesAreAFixedSet) {
  using Kind = ValuePredicate::Kind;
  EXPECT_EQ(ValuePredicate::parse("only-this").kind, Kind::only_this);
  EXPECT_EQ(ValuePredicate::parse("one-side").kind, Kind::one_side);
  const ValuePredicate eq = ValuePredicate::parse("this == \"-1\"");
  EXPECT_EQ(eq.kind, Kind::this_equals);
  EXPECT_EQ(eq.text, "-1");
  EXPECT_EQ(ValuePredicate::parse("other != \"\"").text, "");
  EXPECT_EQ(ValuePredicate::parse("other == \"a \"quoted\"\"").text, "a \"quoted\"");
  EXPECT_THROW(ValuePredicate::parse("value_a == \"-1\""), std::invalid_argument);
  EXPECT_THROW(ValuePredicate::parse("this == -1"), std::invalid_argument);
  EXPECT_THROW(ValuePredicate::parse("this==\"-1\""), std::invalid_argument);
}

TEST(SweepExpectation, PredicatesOnPresenceAndValues) {
  const auto holds = [](const char* predicate, std::optional<std::string_view> me,
                        std::optional<std::string_view> other) {
    return ValuePredicate::parse(predicate).holds(me, other);
  };
  EXPECT_TRUE(holds("only-this", "1", std::nullopt));
  EXPECT_FALSE(holds("only-this", std::nullopt, "1"));
  EXPECT_TRUE(holds("only-other", std::nullopt, "1"));
  EXPECT_TRUE(holds("one-side", std::nullopt, "1"));
  EXPECT_FALSE(holds("one-side", "1", "2"));
  EXPECT_TRUE(holds("this == \"-1\"", "-1", "2"));
  EXPECT_FALSE(holds("this == \"-1\"", std::nullopt, "2"));  // absent equals nothing
  EXPECT_TRUE(holds("this != \"-1\"", std::nullopt, "2"));
  EXPECT_TRUE(holds("other == \"2\"", "-1", "2"));
  EXPECT_FALSE(holds("other != \"2\"", "-1", "2"));
}

SweepExpectation expectation(const std::string& libc, const std::string& versions) {
  SweepExpectation e;
  e.scope.libc = libc;
  e.scope.versions = util::VersionRange::parse(versions);
  e.scope.why = libc + " " + versions;
  return e;
}

TEST(SweepExpectation, EqualWithoutDeletesTheTextFromBothValues) {
  const auto p = ValuePredicate::parse("equal-without \"X\"");
  EXPECT_TRUE(p.holds("IX", "I"));  // only the inexact flag differs
  EXPECT_TRUE(p.holds("X", ""));
  EXPECT_FALSE(p.holds("IX", "U"));  // another flag differs too
  EXPECT_FALSE(p.holds("X", std::nullopt));
  const auto sign = ValuePredicate::parse("equal-without \"-\"");
  EXPECT_TRUE(sign.holds("-nan(0x8000000000000)", "nan(0x8000000000000)"));
  EXPECT_THROW(ValuePredicate::parse("equal-without \"\""), std::invalid_argument);
}

TEST(SweepExpectation, RelativeBoundsTheDifferenceOfTwoNumbers) {
  const auto p = ValuePredicate::parse("relative <= 4.5e-16");
  EXPECT_TRUE(p.holds("0x1.433b8a322ddd2p+0", "0x1.433b8a322ddd3p+0"));  // one ulp of a double
  EXPECT_FALSE(p.holds("0x1.433b8a322ddd2p+0", "0x1.433b8a322ddd9p+0"));
  EXPECT_FALSE(p.holds("0x1p+0", "-0x1p+0"));
  EXPECT_FALSE(p.holds("nan", "nan")) << "NaNs are not numbers";
  EXPECT_FALSE(p.holds("0x1p+0 errno=34", "0x1p+0")) << "the whole value must be the number";
  EXPECT_FALSE(p.holds("inf", "inf"));
  EXPECT_TRUE(p.holds("0", "0"));
  EXPECT_THROW(ValuePredicate::parse("relative <= 2"), std::invalid_argument);
  EXPECT_THROW(ValuePredicate::parse("relative <= x"), std::invalid_argument);
}

TEST(SweepExpectation, SelectorsCombineAllKindsAnyOfEach) {
  SweepExpectation e = expectation("musl", "*");
  e.ranges = {KeyRange::parse("w U+10..U+1F"), KeyRange::parse("w U+30..U+3F")};
  e.predicate = ValuePredicate::parse("this == \"-1\"");
  EXPECT_TRUE(e.covers(split_key("w U+35"), "-1", "1"));
  EXPECT_FALSE(e.covers(split_key("w U+25"), "-1", "1"));  // in no range
  EXPECT_FALSE(e.covers(split_key("w U+15"), "0", "1"));   // predicate fails
  e.patterns = {"v *"};
  EXPECT_FALSE(e.covers(split_key("w U+35"), "-1", "1"));  // the pattern must hold as well
}

TEST(SweepExpectation, ClassifierAppliesWhereExactlyOneSideFallsUnderTheExpectation) {
  SweepExpectation old_musl = expectation("musl", "<1.2.4");
  old_musl.predicate = ValuePredicate::parse("only-this");
  SweepExpectation any_musl = expectation("musl", "*");
  any_musl.predicate = ValuePredicate::parse("this == \"-1\"");
  const SideIdentity musl_123{"musl", "1.2.3", "clang 16", "libc++ 16"};
  const SideIdentity musl_125{"musl", "1.2.5", "clang 16", "libc++ 16"};
  const SideIdentity glibc{"glibc", "2.36", "clang 16", "libc++ 16"};

  const SweepClassifier musl_vs_glibc({old_musl, any_musl}, musl_125, glibc);
  EXPECT_FALSE(musl_vs_glibc.applies(0));  // 1.2.5 is not < 1.2.4
  EXPECT_TRUE(musl_vs_glibc.applies(1));
  EXPECT_EQ(musl_vs_glibc.classify(split_key("k 1"), "-1", "2"), 1);
  EXPECT_EQ(musl_vs_glibc.classify(split_key("k 1"), "2", "-1"), -1) << "'this' is the musl side, a";

  // The sides swapped: "this" follows the libc, not the position.
  const SweepClassifier glibc_vs_musl({old_musl, any_musl}, glibc, musl_125);
  EXPECT_EQ(glibc_vs_musl.classify(split_key("k 1"), "2", "-1"), 1);

  // musl-1.2.3 against musl: only the version-ranged one applies; both sides are musl for the other.
  const SweepClassifier old_vs_new({old_musl, any_musl}, musl_123, musl_125);
  EXPECT_TRUE(old_vs_new.applies(0));
  EXPECT_FALSE(old_vs_new.applies(1));
  EXPECT_EQ(old_vs_new.classify(split_key("k 1"), "x", std::nullopt), 0);
  EXPECT_EQ(old_vs_new.classify(split_key("k 1"), "-1", "2"), -1);
}

TEST(SweepExpectation, TheFirstCoveringExpectationWins) {
  SweepExpectation broad = expectation("glibc", "*");
  broad.patterns = {"*"};
  SweepExpectation narrow = expectation("glibc", "*");
  narrow.patterns = {"k *"};
  const SweepClassifier c({narrow, broad}, {"glibc", "2.36", "", ""}, {"musl", "1.2.5", "", ""});
  EXPECT_EQ(c.classify(split_key("k 1"), "a", "b"), 0);
  EXPECT_EQ(c.classify(split_key("j 1"), "a", "b"), 1);
}

}  // namespace
}  // namespace libcdiff::sweep
