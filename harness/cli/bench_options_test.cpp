#include "cli/bench_options.hpp"

#include <gtest/gtest.h>

#include "util/error.hpp"

namespace libcdiff::cli {
namespace {

TEST(BenchOptions, DefaultsAreTimeAdaptiveToFivePercentWithBothAllocators) {
  RunOptions options;
  run::RunPlan plan;
  apply_bench_options(options, plan);
  EXPECT_TRUE(plan.bench_time);
  EXPECT_FALSE(plan.bench_instructions);
  EXPECT_DOUBLE_EQ(plan.bench_precision, 0.05);
  EXPECT_EQ(plan.allocators, (std::vector<std::string>{"mimalloc", "jemalloc"}));
  EXPECT_EQ(plan.bench_budget, std::chrono::minutes(30));
}

TEST(BenchOptions, QuickIsFixedRoundsWithoutAllocators) {
  RunOptions options;
  options.quick = true;
  run::RunPlan plan;
  apply_bench_options(options, plan);
  EXPECT_EQ(plan.bench_precision, 0);
  EXPECT_TRUE(plan.allocators.empty());
}

TEST(BenchOptions, MetricChoosesWhatIsMeasured) {
  RunOptions options;
  options.metric = "both";
  run::RunPlan plan;  // no benchmark areas: valgrind is not needed yet
  apply_bench_options(options, plan);
  EXPECT_TRUE(plan.bench_time && plan.bench_instructions);
  options.metric = "instructions";
  apply_bench_options(options, plan);
  EXPECT_FALSE(plan.bench_time);
  EXPECT_TRUE(plan.bench_instructions);
}

TEST(BenchOptions, TheEstimatorJudgesTheAdaptiveRoundsToo) {
  RunOptions options;
  run::RunPlan plan;
  apply_bench_options(options, plan);
  EXPECT_EQ(plan.bench_estimator.name(), "median");
  options.choices.estimator = "p10";
  apply_bench_options(options, plan);
  EXPECT_DOUBLE_EQ(plan.bench_estimator.quantile, 0.10);
  options.choices.estimator = "p75";
  EXPECT_THROW(apply_bench_options(options, plan), Fatal);
}

TEST(BenchOptions, AnUnknownAllocatorIsAUsageErrorNamingIt) {
  RunOptions options;
  options.allocators = "mimalloc,tcmalloc";
  run::RunPlan plan;
  try {
    apply_bench_options(options, plan);
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    EXPECT_NE(
        e.line().find("libcdiff: error: --allocators mimalloc,tcmalloc: names an allocator libcdiff does not "
                      "build: 'tcmalloc'"),
        std::string::npos)
        << e.line();
  }
  options.allocators = "none";
  apply_bench_options(options, plan);
  EXPECT_TRUE(plan.allocators.empty());
}

}  // namespace
}  // namespace libcdiff::cli
