#include "compare/bench_compare.hpp"

#include <gtest/gtest.h>

#include "compare/statistics.hpp"

namespace libcdiff::compare {
namespace {

model::RunRecord record(const std::string& target, std::vector<model::BenchmarkSamples> benchmarks) {
  model::RunRecord r;
  r.target = target;
  r.benchmarks = std::move(benchmarks);
  r.benchmark_context = {{"library_build_type", "release"}, {"cpu_scaling_enabled", "false"}};
  return r;
}

const std::vector<double> kTen = {10.0, 10.2, 9.9, 10.1, 10.0, 10.3, 9.8, 10.1, 10.0};
const std::vector<double> kTwenty = {20.1, 20.3, 19.9, 20.2, 20.0, 20.4, 19.8, 20.1, 20.0};

TEST(BenchCompare, VerdictRules) {
  const BenchOptions o;
  EXPECT_EQ(verdict(1.8, 2.2, 0.001, 9, 9, 0.01, 0.01, o), "slower");
  EXPECT_EQ(verdict(0.4, 0.6, 0.001, 9, 9, 0.01, 0.01, o), "faster");
  EXPECT_EQ(verdict(0.9, 1.1, 0.4, 9, 9, 0.01, 0.01, o), "same");
  EXPECT_EQ(verdict(1.8, 2.2, 0.001, 3, 9, 0.01, 0.01, o), "unreliable") << "too few repetitions";
  EXPECT_EQ(verdict(1.8, 2.2, 0.001, 9, 9, 0.5, 0.01, o), "unreliable") << "too noisy";
  EXPECT_EQ(verdict(0.9, 2.2, 0.001, 9, 9, 0.01, 0.01, o), "same") << "a CI containing 1 is not a difference";
}

TEST(BenchCompare, ComputesRatioIntervalAndMedians) {
  const auto a = record("musl", {{"BM_x", "strings", "cpu", kTwenty}});
  const auto b = record("glibc", {{"BM_x", "strings", "cpu", kTen}});
  const auto c = compare_benchmark_pair(a, "musl", b, "glibc", {});
  EXPECT_EQ(c.side, "musl");
  EXPECT_EQ(c.reference, "glibc");
  ASSERT_EQ(c.rows.size(), 1u);
  const auto& k = c.rows[0];
  EXPECT_NEAR(k.ratio, 2.0, 0.02);
  EXPECT_LT(k.ci_low, k.ratio);
  EXPECT_GT(k.ci_high, k.ratio);
  EXPECT_LT(k.p_value, 0.001);
  EXPECT_EQ(k.verdict, "slower");
  EXPECT_DOUBLE_EQ(k.median_ns.at("glibc"), 10.0);
  EXPECT_NEAR(c.geometric_mean_ratio, k.ratio, 1e-12);
  EXPECT_NEAR(c.area_geometric_mean_ratio.at("strings"), k.ratio, 1e-12);
}

TEST(BenchCompare, ALowPercentileEstimatorIsRecordedAndKeepsTheRatioOfMedians) {
  std::vector<double> side, reference;
  for (int i = 0; i < 40; ++i) {
    side.push_back(i % 10 < 7 ? 20.0 + 0.01 * (i % 5) : 40.0 + 0.01 * (i % 5));
    reference.push_back(i % 2 == 0 ? 10.0 + 0.01 * (i % 5) : 20.0 + 0.01 * (i % 5));
  }
  const auto a = record("musl", {{"BM_x", "strings", "cpu", side}});
  const auto b = record("glibc", {{"BM_x", "strings", "cpu", reference}});
  BenchOptions p10;
  p10.estimator = parse_estimator("p10");
  const auto c = compare_benchmark_pair(a, "musl", b, "glibc", p10);
  EXPECT_EQ(c.estimator, "p10");
  ASSERT_EQ(c.rows.size(), 1u);
  EXPECT_NEAR(c.rows[0].ratio, 2.0, 0.05);
  EXPECT_GT(c.rows[0].median_ratio, 1.0);
  EXPECT_LT(c.rows[0].median_ratio, c.rows[0].ci_low) << "the medians mix the two machine states";
  const auto median = compare_benchmark_pair(a, "musl", b, "glibc", {});
  EXPECT_EQ(median.estimator, "median");
  EXPECT_EQ(median.rows[0].median_ratio, 0) << "no second ratio when the headline is the median";
  EXPECT_EQ(median.rows[0].ratio, c.rows[0].median_ratio);
  // Two machine states make a CV above 25%: the median's rule calls that unreliable; the 10th
  // percentile is judged by its halves, which agree here.
  EXPECT_EQ(median.rows[0].verdict, "unreliable");
  EXPECT_EQ(c.rows[0].split_half, "agree");
  EXPECT_EQ(c.rows[0].verdict, "slower");
}

TEST(BenchCompare, ALowPercentileThatMovedDuringTheRunIsUnreliable) {
  std::vector<double> side, reference;
  for (int i = 0; i < 40; ++i) {  // the side's fast state is 20% slower in the second half
    side.push_back((i < 20 ? 20.0 : 24.0) + 0.01 * (i % 5));
    reference.push_back(10.0 + 0.01 * (i % 5));
  }
  BenchOptions p10;
  p10.estimator = parse_estimator("p10");
  const auto c =
      compare_benchmark_pair(record("musl", {{"BM_x", "strings", "cpu", side}}), "musl",
                             record("glibc", {{"BM_x", "strings", "cpu", reference}}), "glibc", p10);
  ASSERT_EQ(c.rows.size(), 1u);
  EXPECT_EQ(c.rows[0].split_half, "disagree");
  EXPECT_EQ(c.rows[0].verdict, "unreliable");
}

TEST(BenchCompare, RealTimeRowsKeepTheMedianWhateverTheEstimator) {
  BenchOptions p10;
  p10.estimator = parse_estimator("p10");
  const auto c = compare_benchmark_pair(
      record("musl", {{"BM_t/real_time/threads:2", "threads", "real", kTwenty}}), "musl",
      record("glibc", {{"BM_t/real_time/threads:2", "threads", "real", kTen}}), "glibc", p10);
  ASSERT_EQ(c.rows.size(), 1u);
  EXPECT_EQ(c.rows[0].median_ratio, 0) << "the headline ratio is already the median";
  EXPECT_DOUBLE_EQ(c.rows[0].ratio, median(kTwenty) / median(kTen));
}

TEST(BenchCompare, CalibrationPairUsesTheFirstTarget) {
  const auto a = record("musl", {{"BM_calibration_work_1x", "calibration", "cpu", kTen},
                                 {"BM_calibration_work_2x", "calibration", "cpu", kTwenty}});
  const auto b = record("glibc", {});
  const auto c = compare_benchmark_pair(a, "musl", b, "glibc", {});
  EXPECT_TRUE(c.rows.empty()) << "calibration benchmarks are not libc comparisons";
  EXPECT_NEAR(c.calibration.ratio, 2.0, 0.02);
  EXPECT_LT(c.calibration.p_value, 0.05);
  for (const auto& w : c.warnings) EXPECT_EQ(w.find("calibration ratio"), std::string::npos) << w;
}

TEST(BenchCompare, WarnsAboutDebugBuildsScalingAndMissingCalibration) {
  auto a = record("musl", {{"BM_x", "strings", "cpu", kTen}});
  a.benchmark_context["library_build_type"] = "debug";
  auto b = record("glibc", {{"BM_x", "strings", "cpu", kTen}});
  b.benchmark_context["cpu_scaling_enabled"] = "true";
  const auto c = compare_benchmark_pair(a, "musl", b, "glibc", {});
  std::string all;
  for (const auto& w : c.warnings) all += w + "\n";
  EXPECT_NE(all.find("debug build"), std::string::npos) << all;
  EXPECT_NE(all.find("frequency scaling"), std::string::npos) << all;
  EXPECT_NE(all.find("calibration benchmarks did not run"), std::string::npos) << all;
}

TEST(BenchCompare, NoBenchmarksLeavesTheComparisonAlone) {
  model::Comparison c;
  compare_benchmarks(record("musl", {}), record("glibc", {}), {}, c);
  EXPECT_TRUE(c.bench.empty());
}

TEST(BenchCompare, EverySideAgainstTheReferenceWithPerAreaMeans) {
  model::Comparison c;
  c.targets = {{"musl", "musl", "", "", {}, {}},
               {"old", "musl-1.2.3", "", "", {}, {}},
               {"glibc", "glibc", "", "", {}, {}}};
  c.reference = "glibc";
  const std::vector<model::RunRecord> records = {
      record("musl", {{"BM_x", "strings", "cpu", kTwenty}, {"BM_y", "malloc", "cpu", kTen}}),
      record("musl-1.2.3", {{"BM_x", "strings", "cpu", kTen}, {"BM_y", "malloc", "cpu", kTen}}),
      record("glibc", {{"BM_x", "strings", "cpu", kTen}, {"BM_y", "malloc", "cpu", kTen}})};
  compare_benchmarks(records, {}, c);
  ASSERT_EQ(c.bench.size(), 2u);
  EXPECT_EQ(c.bench[0].side, "musl");
  EXPECT_EQ(c.bench[1].side, "old");
  EXPECT_EQ(c.bench[1].reference, "glibc");
  EXPECT_NEAR(c.bench[0].area_geometric_mean_ratio.at("strings"), 2.0, 0.05);
  EXPECT_NEAR(c.bench[0].area_geometric_mean_ratio.at("malloc"), 1.0, 0.05);
  EXPECT_NEAR(c.bench[1].area_geometric_mean_ratio.at("strings"), 1.0, 0.05);
  EXPECT_DOUBLE_EQ(c.bench[0].rows[0].median_ns.at("glibc"), 10.0);
}

}  // namespace
}  // namespace libcdiff::compare
