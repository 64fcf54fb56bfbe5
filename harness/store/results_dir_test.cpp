#include "store/results_dir.hpp"

#include <gtest/gtest.h>

#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::store {
namespace {

using libcdiff::testing::TempDir;

TEST(ResultsDir, RunDirNameIsSortableAndFileSystemSafe) {
  const auto when = std::chrono::system_clock::from_time_t(0);
  EXPECT_EQ(run_dir_name(when, {"musl", "glibc"}), "19700101T000000Z_musl_vs_glibc");
  EXPECT_EQ(run_dir_name(when, {"alpine:3.20", "glibc"}), "19700101T000000Z_alpine-3.20_vs_glibc");
}

TEST(ResultsDir, LatestLinkPointsAtTheNewestRun) {
  TempDir dir;
  std::filesystem::create_directories(dir / "first");
  std::filesystem::create_directories(dir / "second");
  update_latest_link(dir.path(), dir / "first");
  update_latest_link(dir.path(), dir / "second");
  EXPECT_EQ(std::filesystem::read_symlink(dir / "latest"), "second");
}

TEST(ResultsDir, PrepareCreatesMissingParents) {
  TempDir dir;
  prepare_output_dir(dir / "a" / "b");
  EXPECT_TRUE(std::filesystem::is_directory(dir / "a" / "b"));
  EXPECT_TRUE(std::filesystem::is_empty(dir / "a" / "b")) << "the write probe must be cleaned up";
}

TEST(ResultsDir, PrepareRejectsAPathThatCannotBeADirectory) {
  TempDir dir;
  testing::write_text(dir / "file", "x");
  try {
    prepare_output_dir(dir / "file");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    EXPECT_NE(e.line().find("-o"), std::string::npos) << e.line();
  }
}

TEST(ResultsDir, LatestThatIsADirectoryIsReportedNotSilentlyKept) {
  TempDir dir;
  std::filesystem::create_directories(dir / "latest");
  std::filesystem::create_directories(dir / "run");
  EXPECT_NE(update_latest_link(dir.path(), dir / "run").find("not a symbolic link"), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_directory(dir / "latest"));
}

TEST(ResultsDir, RunsStartedInTheSameSecondGetTheirOwnDirectories) {
  TempDir dir;
  const auto first = claim_new_run_dir(dir.path(), "20261130T000000Z_musl_vs_glibc");
  const auto second = claim_new_run_dir(dir.path(), "20261130T000000Z_musl_vs_glibc");
  EXPECT_NE(first, second);
  EXPECT_EQ(second.filename(), "20261130T000000Z_musl_vs_glibc-2");
}

TEST(ResultsDir, ClaimRefusesADirectoryHoldingARunUnlessReplacing) {
  TempDir dir;
  testing::write_text(dir / "out" / "run-musl.json", "{}");
  testing::write_text(dir / "out" / "logs" / "musl" / "stale.log", "old");
  try {
    claim_output_dir(dir / "out", false);
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    EXPECT_NE(e.line().find("--force"), std::string::npos) << e.line();
  }
  claim_output_dir(dir / "out", true);
  EXPECT_TRUE(std::filesystem::is_empty(dir / "out")) << "--force replaces the old run whole, logs included";
}

TEST(ResultsDir, ClaimNeverTakesOrRemovesADirectoryOfOtherFiles) {
  TempDir dir;
  testing::write_text(dir / "home" / "notes.txt", "mine");
  EXPECT_THROW(claim_output_dir(dir / "home", true), Fatal);
  EXPECT_TRUE(std::filesystem::exists(dir / "home" / "notes.txt"));
}

TEST(ResultsDir, ClaimTakesANewOrEmptyDirectory) {
  TempDir dir;
  std::filesystem::create_directories(dir / "empty");
  EXPECT_NO_THROW(claim_output_dir(dir / "empty", false));
  EXPECT_NO_THROW(claim_output_dir(dir / "new" / "deeper", false));
  EXPECT_TRUE(std::filesystem::is_directory(dir / "new" / "deeper"));
}

TEST(ResultsDir, ClaimLeavesNoParentsBehindWhenTheNameIsTooLong) {
  TempDir dir;
  EXPECT_THROW(claim_output_dir(dir / "parent" / std::string(300, 'x'), false), Fatal);
  EXPECT_FALSE(std::filesystem::exists(dir / "parent"));
}

TEST(ResultsDir, FindsOnlyRunRecords) {
  TempDir dir;
  for (const char* name : {"run-musl.json", "run-glibc.json", "comparison.json", "report.md"})
    testing::write_text(dir / name, "{}");
  const auto records = run_records_in(dir.path());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].filename(), "run-glibc.json");
}

}  // namespace
}  // namespace libcdiff::store
