#include "store/comparison_file.hpp"

#include <gtest/gtest.h>

#include "report/comparison_json.hpp"
#include "util/error.hpp"

namespace libcdiff::store {
namespace {

// Two sides with one case and one benchmark summary, as the writer lays them out.
model::Comparison sample() {
  model::Comparison c;
  c.generated_at = "2026-11-26T10:00:00Z";
  c.targets.resize(2);
  c.targets[0].label = c.targets[0].id = "musl";
  c.targets[1].label = c.targets[1].id = "glibc";
  c.reference = "glibc";
  model::CaseComparison k;
  k.id = "Locale.StrcollCodepointOrder";
  k.area = "locale";
  k.cls = model::CaseClass::expected_difference;
  k.versus["musl"] = {k.cls, "documented", {"strcoll_a_B"}, {}};
  k.outcomes = {{"musl", model::Outcome::pass}, {"glibc", model::Outcome::pass}};
  k.observations = {{"musl", {{"strcoll_a_B", ">0"}}}, {"glibc", {{"strcoll_a_B", "<0"}}}};
  k.groups = {{"musl"}, {"glibc"}};
  c.cases.push_back(k);
  c.areas.push_back({"locale", "Locale", "text"});
  model::BenchmarkSummary b;
  b.present = true;
  b.side = "musl";
  b.reference = "glibc";
  b.seed = 20261126;
  c.bench.push_back(b);
  return c;
}

std::string error_line(const std::string& text) {
  try {
    comparison_from_text(text, "comparison.json");
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    return e.line();
  }
  return "no error";
}

TEST(ComparisonFile, ReadsVersionTwoAsWritten) {
  const auto c = comparison_from_text(report::render_comparison_json(sample()), "comparison.json");
  EXPECT_EQ(c.schema_version, 2);
  EXPECT_EQ(c.reference, "glibc");
  ASSERT_EQ(c.cases.size(), 1u);
  EXPECT_EQ(c.cases[0].observations.at("musl").at("strcoll_a_B"), ">0");
  ASSERT_EQ(c.bench.size(), 1u);
  EXPECT_EQ(c.bench[0].seed, 20261126u);
}

TEST(ComparisonFile, KeepsTheEstimatorAndTheRatioOfMediansAndRefusesAnUnknownEstimator) {
  auto c = sample();
  c.bench[0].estimator = "p10";
  model::BenchmarkComparison row;
  row.name = "BM_x";
  row.area = "strings";
  row.ratio = 2;
  row.median_ratio = 1.5;
  c.bench[0].rows.push_back(row);
  const auto back = comparison_from_text(report::render_comparison_json(c), "comparison.json");
  EXPECT_EQ(back.bench[0].estimator, "p10");
  EXPECT_EQ(back.bench[0].rows.at(0).median_ratio, 1.5);
  auto j = report::comparison_to_json(sample());
  j["benchmarks"][0].erase("estimator");
  EXPECT_EQ(comparison_from_text(j.dump(), "comparison.json").bench[0].estimator, "median")
      << "files from before --estimator divided medians";
  j["benchmarks"][0]["estimator"] = "p90";
  EXPECT_NE(error_line(j.dump()).find("(estimator must be median or p1 .. p50, not p90)"), std::string::npos)
      << error_line(j.dump());
}

// Found while writing the fuzz target, reproduced by fuzz_comparison_json under UBSan: nlohmann casts a
// float to the seed's integer type, undefined for 1e300; a release build read garbage as the seed.
TEST(ComparisonFile, RefusesASeedThatIsNotANonNegativeInteger) {
  for (const char* seed : {"1e300", "-1e300", "2.5", "-3", "\"7\""}) {
    auto j = report::comparison_to_json(sample());
    j["benchmarks"][0]["seed"] = nlohmann::ordered_json::parse(seed);
    EXPECT_EQ(error_line(j.dump()),
              "libcdiff: error: comparison.json: is a comparison of the wrong shape (seed must be a "
              "non-negative integer). The file is damaged; regenerate it with 'libcdiff compare' from its "
              "run records.")
        << seed;
  }
}

TEST(ComparisonFile, RefusesAVersionOneSeedThatIsNotAnInteger) {
  const std::string v1 = R"({"schema_version": 1, "kind": "libcdiff-comparison",
    "targets": [{"id": "musl"}, {"id": "glibc"}], "cases": [],
    "benchmarks": [], "benchmark_summary": {"seed": 1e300}})";
  EXPECT_NE(error_line(v1).find("(seed must be a non-negative integer)"), std::string::npos)
      << error_line(v1);
}

TEST(ComparisonFile, ReadsAnAbsentOrNullSeedAsZero) {
  auto j = report::comparison_to_json(sample());
  j["benchmarks"][0]["seed"] = nullptr;
  EXPECT_EQ(comparison_from_text(j.dump(), "comparison.json").bench.at(0).seed, 0u);
  j["benchmarks"][0].erase("seed");
  EXPECT_EQ(comparison_from_text(j.dump(), "comparison.json").bench.at(0).seed, 0u);
}

}  // namespace
}  // namespace libcdiff::store
