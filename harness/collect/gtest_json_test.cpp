#include "collect/gtest_json.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::collect {
namespace {

const std::string kData = LIBCDIFF_TESTDATA "/gtest/";

const model::CaseResult& find(const SuiteOutput& out, const std::string& id) {
  const auto it = std::find_if(out.cases.begin(), out.cases.end(), [&](const auto& c) { return c.id == id; });
  if (it == out.cases.end()) throw std::runtime_error(id + " missing");
  return *it;
}

TEST(GtestJson, ReadsARealMuslRun) {
  const auto out =
      parse_gtest_json(testing::read_text(kData + "locale-musl-1.2.5.json"), "locale", "fixture");
  EXPECT_EQ(out.identity.at("libc.family"), "musl");
  EXPECT_EQ(out.identity.at("threads.default_stack_bytes"), "133920");
  EXPECT_EQ(out.cases.size(), 17u);
  const auto& strcoll = find(out, "Locale.StrcollCodepointOrder");
  EXPECT_EQ(strcoll.area, "locale");
  EXPECT_EQ(strcoll.outcome, model::Outcome::pass);
  EXPECT_EQ(strcoll.observations.at("strcoll_a_B"), ">0");
}

TEST(GtestJson, ReadsARealGlibcRunAndRestoresUtf8) {
  const auto out =
      parse_gtest_json(testing::read_text(kData + "locale-glibc-2.36.json"), "locale", "fixture");
  EXPECT_EQ(out.identity.at("libc.family"), "glibc");
  EXPECT_EQ(out.identity.at("libc.version"), "2.36");
  EXPECT_EQ(find(out, "Locale.GermanDayAndMonthNames").observations.at("nl_langinfo_MON_3"), "M\xc3\xa4rz");
  EXPECT_EQ(find(out, "Locale.StrcollCodepointOrder").observations.at("strcoll_a_B"), "<0");
}

TEST(GtestJson, SweepCasesNameTheirTables) {
  // A real musl run of the math suite: its sweeps recorded sweep, sweep.keys and sweep.hash.
  const auto out =
      parse_gtest_json(testing::read_text(kData + "math-musl-1.2.5-sweeps.json"), "math", "fixture");
  const auto& unary = find(out, "Math.SweepUnaryDouble");
  EXPECT_EQ(unary.sweep.table, "Math.SweepUnaryDouble.sweep.tsv");
  EXPECT_EQ(unary.sweep.keys, 6072);
  EXPECT_TRUE(unary.sweep.hash.starts_with("fnv1a64:")) << unary.sweep.hash;
  EXPECT_TRUE(unary.observations.empty());
  for (const auto& c : out.cases)
    EXPECT_EQ(c.sweep.present(), c.id.find(".Sweep") != std::string::npos) << c.id;
}

TEST(GtestJson, FailedAndSkippedCasesAreRecognised) {
  const auto out =
      parse_gtest_json(testing::read_text(kData + "fake-suite-fail-skip.json"), "demo", "fixture");
  EXPECT_EQ(find(out, "Demo.Fails").outcome, model::Outcome::fail);
  EXPECT_NE(find(out, "Demo.Fails").message.find("want 2"), std::string::npos);
  EXPECT_EQ(find(out, "Demo.Skipped").outcome, model::Outcome::skip);
}

TEST(GtestJson, TruncatedOutputIsAnInputErrorNamingTheSource) {
  const std::string text = testing::read_text(kData + "locale-musl-1.2.5.json");
  try {
    parse_gtest_json(text.substr(0, text.size() / 2), "locale", "suite.json");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    EXPECT_TRUE(e.line().starts_with("libcdiff: error: suite.json: ")) << e.line();
  }
}

TEST(GtestJson, UndoesPerByteEscapingButLeavesRealUnicodeAlone) {
  EXPECT_EQ(undo_gtest_byte_escaping("M\xc3\x83\xc2\xa4rz"), "M\xc3\xa4rz");
  EXPECT_EQ(undo_gtest_byte_escaping("plain"), "plain");
  EXPECT_EQ(undo_gtest_byte_escaping("\xe2\x82\xac"), "\xe2\x82\xac") << "U+20AC cannot be a byte escape";
}

// Found by fuzzing (harness/testing/fuzz): nlohmann throws out_of_range, not parse_error, for a number
// too large for a double, and type_error for values of the wrong type. Both must be one-line errors.
TEST(GtestJson, HugeNumbersAndWrongShapesAreInputErrors) {
  for (const std::string text :
       {R"({"testsuites": [], "x": 1e99999})", R"({"testsuites": [{"name": 1}]})",
        R"({"testsuites": [{"name": "A", "testsuite": [{"name": [], "result": 2}]}]})"}) {
    EXPECT_THROW(parse_gtest_json(text, "demo", "t.json"), Fatal) << text;
  }
}

}  // namespace
}  // namespace libcdiff::collect
