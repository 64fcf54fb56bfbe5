#include "shard/shard_plan.hpp"

#include <gtest/gtest.h>

#include "util/error.hpp"

namespace libcdiff::shard {
namespace {

std::vector<std::pair<std::string, std::string>> some_cases(int n) {
  std::vector<std::pair<std::string, std::string>> cases;
  for (int i = 0; i < n; ++i)
    cases.emplace_back("Area" + std::to_string(i % 3) + ".Case" + std::to_string(i),
                       "area" + std::to_string(i % 3));
  return cases;
}

TEST(ShardSpec, ParsesIOfNAndRejectsTheRest) {
  const auto s = ShardSpec::parse("2/4");
  EXPECT_EQ(s.index, 2);
  EXPECT_EQ(s.count, 4);
  EXPECT_EQ(s.text(), "2/4");
  for (const char* bad : {"0/4", "5/4", "2/", "/4", "x/4", "2/4/1", "-1/4", "2 /4", "1/0", ""})
    EXPECT_THROW(ShardSpec::parse(bad), Fatal) << bad;
}

// Whatever the durations, the N shards together run every case exactly once.
TEST(ShardPlan, TheShardsCoverEveryCaseOnce) {
  const auto cases = some_cases(37);
  const std::vector<std::string> areas = {"area0", "area1", "area2"};
  for (const bool timed : {false, true}) {
    std::map<std::string, double> seconds;
    if (timed)
      for (std::size_t i = 0; i < cases.size(); i += 2)
        seconds[cases[i].first] = static_cast<double>(i % 7) + 0.5;
    std::map<std::string, int> runs;
    for (int i = 1; i <= 4; ++i) {
      const auto work = plan_shard({i, 4}, cases, areas, {"calibration", "malloc"}, seconds);
      for (const auto& c : work.cases) ++runs[c];
      for (const auto& a : work.areas) EXPECT_NE(std::find(areas.begin(), areas.end(), a), areas.end());
    }
    EXPECT_EQ(runs.size(), cases.size());
    for (const auto& [id, n] : runs) EXPECT_EQ(n, 1) << id;
  }
}

TEST(ShardPlan, DurationsBalanceTheShards) {
  // One long case and many short ones: the long one gets a shard nearly to itself.
  std::vector<std::pair<std::string, std::string>> cases = {{"A.Long", "a"}};
  std::map<std::string, double> seconds = {{"A.Long", 40}};
  for (int i = 0; i < 40; ++i) {
    cases.emplace_back("A.Short" + std::to_string(i), "a");
    seconds["A.Short" + std::to_string(i)] = 1;
  }
  const auto one = plan_shard({1, 2}, cases, {"a"}, {}, seconds);
  const auto two = plan_shard({2, 2}, cases, {"a"}, {}, seconds);
  EXPECT_DOUBLE_EQ(one.expected_seconds + two.expected_seconds, 80);
  EXPECT_LE(std::abs(one.expected_seconds - two.expected_seconds), 1.0);
  EXPECT_TRUE(one.cases.count("A.Long") + two.cases.count("A.Long") == 1);
}

TEST(ShardPlan, BenchmarkAreasAreDealtWhole) {
  const auto one = plan_shard({1, 2}, {}, {}, {"calibration", "malloc", "strings"}, {});
  const auto two = plan_shard({2, 2}, {}, {}, {"calibration", "malloc", "strings"}, {});
  EXPECT_EQ(one.bench_areas, (std::vector<std::string>{"calibration", "strings"}));
  EXPECT_EQ(two.bench_areas, (std::vector<std::string>{"malloc"}));
}

TEST(ShardPlan, FilterNamesExactlyTheCases) {
  EXPECT_EQ(gtest_filter({"B.Two", "A.One"}), "--gtest_filter=A.One:B.Two");
}

}  // namespace
}  // namespace libcdiff::shard
