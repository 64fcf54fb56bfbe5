#include "compare/bench_precision.hpp"

#include <gtest/gtest.h>

namespace libcdiff::compare {
namespace {

model::BenchmarkSamples samples(std::string name, std::vector<double> ns, std::string kind = "cpu") {
  return {std::move(name), "x", std::move(kind), std::move(ns)};
}

TEST(BenchPrecision, HalfWidthIsRelativeToTheRatio) {
  model::BenchmarkComparison row;
  row.ratio = 2;
  row.ci_low = 1.8;
  row.ci_high = 2.2;
  EXPECT_DOUBLE_EQ(relative_half_width(row), 0.1);
  row.ratio = 0;
  EXPECT_EQ(relative_half_width(row), 0) << "no interval, no width";
}

TEST(BenchPrecision, OnlyWideSingleThreadedRowsNeedMoreRounds) {
  model::RunRecord side, reference;
  // Tight: both sides within 0.1%; wide: one side spread over a factor 2; real time: never repeated.
  side.benchmarks = {samples("BM_tight", {100, 100.1, 99.9, 100, 100.05, 99.95}),
                     samples("BM_wide", {100, 200, 150, 120, 180, 90}),
                     samples("BM_threads/real_time", {100, 300, 50, 20, 400, 90}, "real"),
                     samples("BM_wide [mimalloc]", {100, 200, 150, 120, 180, 90})};
  reference.benchmarks = {samples("BM_tight", {50, 50.05, 49.95, 50, 50.02, 49.98}),
                          samples("BM_wide", {100, 100, 100, 100, 100, 100}),
                          samples("BM_threads/real_time", {100, 100, 100, 100, 100, 100}, "real"),
                          samples("BM_wide [mimalloc]", {100, 100, 100, 100, 100, 100})};
  const auto names = imprecise_benchmarks({&side}, reference, 0.05, 0.5, 1);
  EXPECT_EQ(names, std::set<std::string>{"BM_wide"});
}

TEST(BenchPrecision, ANarrowRowWhoseHalvesDisagreeIsRepeatedToo) {
  model::RunRecord side, reference;
  // Each half is tight, but the side's second half is 30% slower: a narrow interval that moved.
  side.benchmarks = {
      samples("BM_moved", {20, 20.01, 19.99, 20, 20.02, 19.98, 26, 26.01, 25.99, 26, 26.02, 25.98}),
      samples("BM_steady", {20, 20.01, 19.99, 20, 20.02, 19.98, 20, 20.01, 19.99, 20, 20.02, 19.98})};
  reference.benchmarks = {
      samples("BM_moved", {10, 10.01, 9.99, 10, 10.02, 9.98, 10, 10.01, 9.99, 10, 10.02, 9.98}),
      samples("BM_steady", {10, 10.01, 9.99, 10, 10.02, 9.98, 10, 10.01, 9.99, 10, 10.02, 9.98})};
  EXPECT_EQ(imprecise_benchmarks({&side}, reference, 0.5, 0.1, 1), std::set<std::string>{"BM_moved"})
      << "a target of ±50% is met by both; only the halves tell them apart";
}

TEST(BenchPrecision, SplitHalfAgreesOnAStableMachineAndNotOnADriftingOne) {
  model::BenchmarkComparison stable, drift;
  const std::vector<double> reference{10, 10.1, 9.9, 10, 10.05, 9.95, 10, 10.1};
  split_half_check({20, 20.2, 19.8, 20, 20.1, 19.9, 20, 20.1}, reference, 0.5, 7, stable);
  EXPECT_EQ(stable.split_half, "agree");
  EXPECT_NEAR(stable.first_half_ratio, 2.0, 0.05);
  // The side got 50% slower halfway through the run.
  split_half_check({20, 20.2, 19.8, 20, 30, 30.3, 29.7, 30.1}, reference, 0.5, 7, drift);
  EXPECT_EQ(drift.split_half, "disagree");
  EXPECT_NEAR(drift.second_half_ratio, 3.0, 0.1);
  model::BenchmarkComparison few;
  split_half_check({1, 2, 3}, {1, 2, 3}, 0.5, 7, few);
  EXPECT_EQ(few.split_half, "") << "fewer than 6 repetitions: no check";
}

TEST(BenchPrecision, SummaryHasTheMedianWidthOfSingleThreadedRowsAndTheSplitHalfTally) {
  model::BenchmarkSummary summary;
  const auto row = [](std::string name, std::string kind, double lo, double hi, std::string split) {
    model::BenchmarkComparison r;
    r.name = std::move(name);
    r.time_kind = std::move(kind);
    r.ratio = 1;
    r.ci_low = lo;
    r.ci_high = hi;
    r.split_half = std::move(split);
    return r;
  };
  summary.rows = {row("BM_a", "cpu", 0.98, 1.02, "agree"), row("BM_b", "cpu", 0.9, 1.1, "disagree"),
                  row("BM_c", "cpu", 0.96, 1.04, "agree"), row("BM_d/real_time", "real", 0.1, 9, "")};
  summarise_precision(summary);
  EXPECT_NEAR(summary.median_half_width, 0.04, 1e-12) << "median of 0.02, 0.1, 0.04; real time left out";
  EXPECT_EQ(summary.split_half_checked, 3);
  EXPECT_EQ(summary.split_half_agree, 2);
}

}  // namespace
}  // namespace libcdiff::compare
