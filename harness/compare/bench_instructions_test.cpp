#include "compare/bench_instructions.hpp"

#include <gtest/gtest.h>

namespace libcdiff::compare {
namespace {

model::BenchmarkComparison row(double ratio, double lo, double hi) {
  model::BenchmarkComparison r;
  r.name = "BM_x";
  r.ratio = ratio;
  r.ci_low = lo;
  r.ci_high = hi;
  r.median_ns = {{"musl", 100 * ratio}, {"glibc", 100}};
  return r;
}

TEST(BenchInstructions, RatioAndCountsComeFromBothRecords) {
  model::RunRecord musl, glibc;
  musl.instructions["BM_x"] = {300, 0, 4, 8};
  glibc.instructions["BM_x"] = {150, 0, 4, 8};
  auto r = row(2, 1.9, 2.1);
  add_instruction_counts(musl, "musl", glibc, "glibc", r);
  EXPECT_DOUBLE_EQ(r.instruction_ratio, 2);
  EXPECT_DOUBLE_EQ(r.instructions.at("musl"), 300);
  EXPECT_EQ(r.metrics_note, "") << "the metrics agree";
  auto uncounted = row(2, 1.9, 2.1);
  add_instruction_counts(musl, "musl", model::RunRecord{}, "glibc", uncounted);
  EXPECT_EQ(uncounted.instruction_ratio, 0) << "one side not counted: no ratio";
}

TEST(BenchInstructions, CalibrationIsTwoXOverOneX) {
  model::RunRecord r;
  EXPECT_EQ(instruction_calibration(r), 0);
  r.instructions["BM_calibration_work_1x"] = {50010, 0, 4, 8};
  r.instructions["BM_calibration_work_2x"] = {100019, 0, 4, 8};
  EXPECT_NEAR(instruction_calibration(r), 2.0, 0.0005);
}

TEST(BenchInstructions, SystemCallsExplainATimeRatioTheInstructionsDoNotShow) {
  auto r = row(300, 250, 350);
  r.instruction_ratio = 1.3;
  r.syscalls = {{"musl", 2}, {"glibc", 0}};
  r.instructions = {{"musl", 130}, {"glibc", 100}};
  const auto note = metrics_note(r, "musl", "glibc");
  EXPECT_NE(note.find("2 system calls per iteration on musl against 0 on glibc"), std::string::npos) << note;
}

TEST(BenchInstructions, CheaperInstructionsOnOneSideAreNamed) {
  // Same time, but glibc executes a quarter of musl's instructions: glibc's are dearer each.
  auto r = row(1, 0.95, 1.05);
  r.instructions = {{"musl", 400}, {"glibc", 100}};
  r.instruction_ratio = 4;
  const auto note = metrics_note(r, "musl", "glibc");
  EXPECT_NE(note.find("an instruction costs 0.25 ns on musl and 1 ns on glibc"), std::string::npos) << note;
  EXPECT_NE(note.find("Cheaper instructions on musl"), std::string::npos) << note;
  EXPECT_NE(note.find("rep movsb: one per byte"), std::string::npos) << note;
}

TEST(BenchInstructions, WithinTheIntervalOrQuarterTheyAgree) {
  auto inside = row(1.5, 1.0, 2.0);
  inside.instruction_ratio = 1.9;
  EXPECT_EQ(metrics_note(inside, "musl", "glibc"), "");
  auto close = row(1.5, 1.45, 1.55);
  close.instruction_ratio = 1.7;
  EXPECT_EQ(metrics_note(close, "musl", "glibc"), "") << "within 25% of each other";
}

}  // namespace
}  // namespace libcdiff::compare
