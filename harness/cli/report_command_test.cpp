// `libcdiff report`: re-renders from comparison.json alone, byte for byte; old schema versions read.
#include "cli/report_command.hpp"

#include <gtest/gtest.h>

#include "store/run_record_json.hpp"
#include "testing/cli_harness.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::cli {
namespace {

using libcdiff::testing::CliHarness;
using libcdiff::testing::read_text;
using libcdiff::testing::TempDir;
using libcdiff::testing::write_text;

const std::filesystem::path kPublished = std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "results" /
                                         "published" / "2026-11-26_musl-1.2.5_vs_glibc-2.36";

TEST(ReportCommand, RegeneratesTheRunsFilesByteForByteFromComparisonJsonAlone) {
  TempDir dir;
  const auto out = dir / "out";
  CliHarness compare;  // the real published run records, with benchmarks
  ASSERT_EQ(compare.run({"compare", kPublished.string(), "-o", out.string()}), 0) << compare.err.str();
  std::map<std::string, std::string> written;
  for (const char* f : {"report.md", "report.html", "junit.xml", "comparison.json"}) {
    written[f] = read_text(out / f);
    if (std::string(f) != "comparison.json") std::filesystem::remove(out / f);
  }
  CliHarness report;
  ASSERT_EQ(report.run({"report", out.string()}), 0) << report.err.str();
  for (const auto& [f, text] : written) EXPECT_EQ(read_text(out / f), text) << f << " is not the same";

  CliHarness elsewhere;
  ASSERT_EQ(elsewhere.run({"report", (out / "comparison.json").string(), "-o", (dir / "copy").string()}), 0);
  for (const auto& [f, text] : written) EXPECT_EQ(read_text(dir / "copy" / f), text) << f;
}

TEST(ReportCommand, ReadsThePublishedVersionOneComparison) {
  TempDir dir;
  CliHarness h;
  ASSERT_EQ(h.run({"report", (kPublished / "comparison.json").string(), "-o", (dir / "v1").string()}), 0)
      << h.err.str();
  EXPECT_NE(h.out.str().find("(schema version 1)"), std::string::npos);
  const std::string md = read_text(dir / "v1" / "report.md");
  EXPECT_NE(md.find("# libcdiff report: `musl` vs `glibc`"), std::string::npos);
  EXPECT_NE(md.find("## Migration checklist"), std::string::npos);
  EXPECT_NE(md.find("### `musl` vs `glibc`"), std::string::npos) << "its benchmarks are read too";
}

TEST(ReportCommand, RefusesWhatIsNotAComparisonInOneLine) {
  TempDir dir;
  write_text(dir / "comparison.json", R"({"kind": "libcdiff-run-record", "schema_version": 1})");
  CliHarness wrong_kind;
  EXPECT_EQ(wrong_kind.run({"report", dir.path().string()}), 2);
  EXPECT_NE(wrong_kind.error_line().find("is not a libcdiff comparison"), std::string::npos);
  write_text(dir / "comparison.json", R"({"kind": "libcdiff-comparison", "schema_version": 9})");
  CliHarness newer;
  EXPECT_EQ(newer.run({"report", dir.path().string()}), 2);
  EXPECT_NE(newer.error_line().find("has schema_version 9; this libcdiff reads versions 1 to 2"),
            std::string::npos);
  write_text(dir / "comparison.json",
             R"({"kind": "libcdiff-comparison", "schema_version": 2, "reference": 3})");
  CliHarness damaged;
  EXPECT_EQ(damaged.run({"report", dir.path().string()}), 2);
  EXPECT_NE(damaged.error_line().find("is a comparison of the wrong shape"), std::string::npos);
  CliHarness missing;
  EXPECT_EQ(missing.run({"report", (dir / "nothing").string()}), 2);
  EXPECT_NE(missing.error_line().find("holds no comparison.json"), std::string::npos);
}

}  // namespace
}  // namespace libcdiff::cli
