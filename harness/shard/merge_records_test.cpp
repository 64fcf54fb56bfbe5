#include "shard/merge_records.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::shard {
namespace {

model::RunRecord shard_record(const std::string& shard, std::vector<std::string> ids,
                              const std::filesystem::path& dir) {
  model::RunRecord r;
  r.target = "musl";
  r.started_at = "2026-11-30T10:0" + shard.substr(0, 1) + ":00Z";
  r.finished_at = "2026-11-30T11:00:00Z";
  r.provenance.libc = {"musl", "1.2.5", "", "", "", "dynamic"};
  r.provenance.compiler = "clang 16";
  r.provenance.harness_version = "0.1.0";
  r.shard = shard;
  r.shard_plan = "plan1";
  r.location = dir;
  for (const auto& id : ids) r.cases.push_back({id, "area", model::Outcome::pass, "", {}, 1.0});
  return r;
}

std::string error_of(const std::vector<ShardRecord>& shards, const std::filesystem::path& out) {
  try {
    merge_shards(shards, out);
  } catch (const Fatal& e) {
    return e.line();
  }
  return "";
}

TEST(MergeShards, JoinsTheCasesAndKeepsEachShardsProvenance) {
  testing::TempDir dir;
  auto a = shard_record("1/2", {"A.One", "A.Three"}, dir / "s1");
  auto b = shard_record("2/2", {"A.Two"}, dir / "s2");
  // A sweep table in shard 2 is copied beside the merged record.
  b.cases[0].sweep = {"logs/musl/sweeps/A.Two.sweep.tsv", 1, "fnv1a64:0"};
  std::filesystem::create_directories(dir / "s2/logs/musl/sweeps");
  std::ofstream(dir / "s2/logs/musl/sweeps/A.Two.sweep.tsv") << "k\tv\n";
  const auto merged =
      merge_shards({{dir / "s1/run-musl.json", a}, {dir / "s2/run-musl.json", b}}, dir / "out");
  ASSERT_EQ(merged.cases.size(), 3u);
  EXPECT_EQ(merged.shard, "");
  EXPECT_EQ(merged.merged_from.size(), 2u);
  EXPECT_NE(merged.merged_from[1].find("shard 2/2"), std::string::npos);
  EXPECT_EQ(merged.started_at, "2026-11-30T10:01:00Z");
  EXPECT_EQ(merged.location, dir / "out");
  EXPECT_TRUE(std::filesystem::exists(dir / "out" / merged.cases[2].sweep.table));
}

TEST(MergeShards, RefusesWhatIsNotOneSplitOfOneBuild) {
  testing::TempDir dir;
  const auto a = shard_record("1/2", {"A.One"}, dir.path());
  const auto b = shard_record("2/2", {"A.Two"}, dir.path());
  const auto out = dir / "out";
  auto other_build = b;
  other_build.provenance.libc.version = "1.2.3";
  EXPECT_NE(error_of({{"s1/run-musl.json", a}, {"s2/run-musl.json", other_build}}, out)
                .find("libc version '1.2.5' vs '1.2.3'"),
            std::string::npos);
  EXPECT_NE(error_of({{"s1/run-musl.json", a}}, out).find("lacks shard 2/2"), std::string::npos);
  EXPECT_NE(error_of({{"s1/run-musl.json", a}, {"s1b/run-musl.json", a}}, out).find("twice"),
            std::string::npos);
  auto duplicate = b;
  duplicate.cases.push_back(a.cases[0]);
  EXPECT_NE(error_of({{"s1/run-musl.json", a}, {"s2/run-musl.json", duplicate}}, out).find("has case A.One"),
            std::string::npos);
  auto unfinished = b;
  unfinished.finished_at.clear();
  EXPECT_NE(error_of({{"s1/run-musl.json", a}, {"s2/run-musl.json", unfinished}}, out).find("unfinished"),
            std::string::npos);
  auto other_plan = b;
  other_plan.shard_plan = "plan2";
  EXPECT_NE(error_of({{"s1/run-musl.json", a}, {"s2/run-musl.json", other_plan}}, out).find("another plan"),
            std::string::npos);
  EXPECT_EQ(error_of({{"s1/run-musl.json", a}, {"s2/run-musl.json", b}}, out), "");
}

}  // namespace
}  // namespace libcdiff::shard
