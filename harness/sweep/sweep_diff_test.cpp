#include "sweep/sweep_diff.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::sweep {
namespace {

using libcdiff::testing::TempDir;

std::string hex(unsigned cp) {
  char text[16];
  std::snprintf(text, sizeof text, "U+%04X", cp);
  return text;
}

// wcwidth over U+1F800..U+1FAFF: both 1, except U+1F900..U+1F9FF where b says 2, with U+1F950 the
// same on both sides (it breaks the range), and U+1FA00..U+1FA0F only on side a.
void write_wcwidth_tables(const TempDir& dir) {
  std::string a, b;
  for (unsigned cp = 0x1F800; cp <= 0x1FAFF; ++cp) {
    const std::string key = "wcwidth " + hex(cp);
    const bool wide = cp >= 0x1F900 && cp <= 0x1F9FF && cp != 0x1F950;
    a += key + "\t1\n";
    if (cp >= 0x1FA00 && cp <= 0x1FA0F) continue;
    b += key + (wide ? "\t2\n" : "\t1\n");
  }
  testing::write_text(dir / "a.tsv", a);
  testing::write_text(dir / "b.tsv", b);
}

TEST(SweepDiff, IdenticalTablesHaveNoDifference) {
  TempDir dir;
  testing::write_text(dir / "a.tsv", "k 1\tx\nk 2\ty\n");
  testing::write_text(dir / "b.tsv", "k 1\tx\nk 2\ty\n");
  const SweepDiff d = diff_tables(dir / "a.tsv", dir / "b.tsv");
  EXPECT_EQ(d.same_keys, 2u);
  EXPECT_EQ(d.differing_keys, 0u);
  EXPECT_EQ(d.groups, 0u);
  EXPECT_TRUE(d.details.empty());
  EXPECT_EQ(d.a.keys, 2u);
  EXPECT_EQ(d.a.hash, d.b.hash);
}

TEST(SweepDiff, RunsOfAFamilyCollapseIntoRangesThatSameKeysBreak) {
  TempDir dir;
  write_wcwidth_tables(dir);
  SweepDiffOptions options;
  options.label_a = "musl";
  options.label_b = "glibc";
  const SweepDiff d = diff_tables(dir / "a.tsv", dir / "b.tsv", options);
  EXPECT_EQ(d.a.keys, 0x300u);
  EXPECT_EQ(d.b.keys, 0x300u - 16);
  EXPECT_EQ(d.differing_keys, 255u + 16u);
  EXPECT_EQ(d.only_a, 16u);
  EXPECT_EQ(d.only_b, 0u);
  EXPECT_EQ(d.same_keys, 0x300u - 255u - 16u);
  EXPECT_EQ(d.unexpected_keys, d.differing_keys);
  EXPECT_EQ(d.ranges, 3u);
  ASSERT_EQ(d.groups, 1u);
  ASSERT_EQ(d.details.size(), 1u);
  const SweepGroup& g = d.details[0];
  EXPECT_EQ(g.family(), "wcwidth");
  EXPECT_EQ(g.keys, 271u);
  EXPECT_EQ(g.only_a, 16u);
  EXPECT_EQ(g.unexpected_keys(), 271u);
  ASSERT_EQ(g.parts.size(), 1u);
  const SweepPart& p = g.parts[0];
  EXPECT_EQ(p.expectation, -1);
  EXPECT_EQ(p.ranges, 3u);
  ASSERT_EQ(p.examples.size(), 3u);
  EXPECT_EQ(describe(p.examples[0], "musl", "glibc"), "wcwidth U+1F900..U+1F94F: musl 1, glibc 2 (80 keys)");
  EXPECT_EQ(describe(p.examples[1], "musl", "glibc"), "wcwidth U+1F951..U+1F9FF: musl 1, glibc 2 (175 keys)");
  EXPECT_EQ(describe(p.examples[2], "musl", "glibc"),
            "wcwidth U+1FA00..U+1FA0F: musl 1, glibc (absent) (16 keys)");
}

TEST(SweepDiff, DifferentValuesAndFamiliesStartNewRangesAndGroups) {
  TempDir dir;
  testing::write_text(dir / "a.tsv", "lone\tv\ne 1\tx\ne 2\tx\ne 3\tx\ne 4\tx\nf 1\tx\nf 2\tx\n");
  testing::write_text(dir / "b.tsv", "e 1\ty\ne 2\ty\ne 3\tz\ne 4\tz\nf 1\ty\nf 2\ty\n");
  const SweepDiff d = diff_tables(dir / "a.tsv", dir / "b.tsv");
  EXPECT_EQ(d.groups, 3u);
  EXPECT_EQ(d.ranges, 4u);
  ASSERT_EQ(d.details.size(), 3u);
  // "lone" has no family: it sorts first (and is first in a.tsv).
  EXPECT_EQ(d.details[0].family(), "");
  EXPECT_EQ(describe(d.details[0].parts[0].examples[0], "a", "b"), "lone: a v, b (absent) (1 key)");
  EXPECT_EQ(d.details[1].family(), "e");
  ASSERT_EQ(d.details[1].parts[0].examples.size(), 2u);
  EXPECT_EQ(describe(d.details[1].parts[0].examples[0], "a", "b"), "e 1..2: a x, b y (2 keys)");
  EXPECT_EQ(describe(d.details[1].parts[0].examples[1], "a", "b"), "e 3..4: a x, b z (2 keys)");
  EXPECT_EQ(describe(d.details[2].parts[0].examples[0], "a", "b"), "f 1..2: a x, b y (2 keys)");
}

TEST(SweepDiff, KeepsTheLargestRangesAsExamplesInKeyOrderAndBoundsTheGroups) {
  TempDir dir;
  // Family "g": ranges of 1, 5, 2, 4, 3 keys (values alternate so that neighbours never merge).
  std::string a, b;
  int key = 0;
  const int sizes[] = {1, 5, 2, 4, 3};
  for (int r = 0; r < 5; ++r)
    for (int i = 0; i < sizes[r]; ++i, ++key) {
      a += "g " + std::to_string(key) + "\tA\n";
      b += "g " + std::to_string(key) + (r % 2 == 0 ? "\tB\n" : "\tC\n");
    }
  for (int f = 0; f < 5; ++f) {  // five more families of one key each
    a += "h" + std::to_string(f) + " 1\tA\n";
    b += "h" + std::to_string(f) + " 1\tB\n";
  }
  testing::write_text(dir / "a.tsv", a);
  testing::write_text(dir / "b.tsv", b);
  SweepDiffOptions options;
  options.max_examples = 3;
  options.max_groups = 2;
  const SweepDiff d = diff_tables(dir / "a.tsv", dir / "b.tsv", options);
  EXPECT_EQ(d.groups, 6u);
  ASSERT_EQ(d.details.size(), 2u);
  const SweepPart& p = d.details[0].parts[0];
  EXPECT_EQ(p.ranges, 5u);
  EXPECT_EQ(p.keys, 15u);
  ASSERT_EQ(p.examples.size(), 3u);
  EXPECT_EQ(p.examples[0].keys, 5u);
  EXPECT_EQ(p.examples[1].keys, 4u);
  EXPECT_EQ(p.examples[2].keys, 3u);
  EXPECT_EQ(p.examples[0].first, "g 1");
  EXPECT_EQ(d.differing_keys, 20u);  // the groups beyond max_groups still count
  EXPECT_EQ(d.ranges, 10u);
}

TEST(SweepDiff, LongValuesAreCutInExamplesOnly) {
  TempDir dir;
  const std::string long_value(1000, 'x');
  testing::write_text(dir / "a.tsv", "k 1\t" + long_value + "\n");
  testing::write_text(dir / "b.tsv", "k 1\ty\n");
  SweepDiffOptions options;
  options.max_value_bytes = 10;
  options.full_diff = dir / "full.tsv";
  const SweepDiff d = diff_tables(dir / "a.tsv", dir / "b.tsv", options);
  const std::string shown = *d.details[0].parts[0].examples[0].value_a;
  EXPECT_EQ(shown.substr(0, 10), "xxxxxxxxxx");
  EXPECT_LT(shown.size(), 100u);
  EXPECT_NE(testing::read_text(dir / "full.tsv").find(long_value), std::string::npos);
}

TEST(SweepDiff, TheFullDiffListsEveryDifferingKeyWithItsVerdict) {
  TempDir dir;
  testing::write_text(dir / "a.tsv", "k 1\tx\nk 2\tsame\nk 3\t\nk 5\tonly-a\n");
  testing::write_text(dir / "b.tsv", "k 1\ty\nk 2\tsame\nk 3\tz\nk 4\tonly-b\n");
  SweepExpectation e;
  e.scope.libc = "musl";
  e.scope.why = "documented";
  e.predicate = ValuePredicate::parse("one-side");
  const SweepClassifier classifier({e}, {"musl", "1.2.5", "", ""}, {"glibc", "2.36", "", ""});
  SweepDiffOptions options;
  options.label_a = "musl";
  options.label_b = "glibc";
  options.classifier = &classifier;
  options.full_diff = dir / "out" / "diff.tsv";
  std::filesystem::create_directories(dir / "out");
  const SweepDiff d = diff_tables(dir / "a.tsv", dir / "b.tsv", options);
  EXPECT_EQ(d.full_diff, dir / "out" / "diff.tsv");
  EXPECT_EQ(testing::read_text(dir / "out" / "diff.tsv"),
            "# key\tmusl\tglibc\tverdict\n"
            "k 1\tx\ty\tunexpected\n"
            "k 3\t\tz\tunexpected\n"
            "k 4\t\\N\tonly-b\texpected 1\n"
            "k 5\tonly-a\t\\N\texpected 1\n");
  EXPECT_EQ(d.expected_keys, 2u);
  EXPECT_EQ(d.unexpected_keys, 2u);
  EXPECT_EQ(d.keys_per_expectation, std::vector<std::uint64_t>{2});
  const SweepGroup& g = d.details.at(0);
  ASSERT_EQ(g.parts.size(), 2u);
  EXPECT_EQ(g.parts[0].expectation, -1);
  EXPECT_EQ(g.parts[0].keys, 2u);
  EXPECT_EQ(g.parts[1].expectation, 0);
  EXPECT_EQ(g.parts[1].why, "documented");
  EXPECT_EQ(g.parts[1].keys, 2u);
  EXPECT_EQ(g.parts[1].ranges, 2u);  // k 4 and k 5 have different pairs
  EXPECT_EQ(g.expected_keys(), 2u);
}

TEST(SweepDiff, UnsortedInputIsRefusedNamingTheFileAndLine) {
  TempDir dir;
  testing::write_text(dir / "a.tsv", "k 1\tx\n");
  testing::write_text(dir / "b.tsv", "k 1\tx\nk 3\tx\nk 2\tx\n");
  try {
    diff_tables(dir / "a.tsv", dir / "b.tsv");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_NE(e.line().find((dir / "b.tsv").string() + ": line 3 is out of order"), std::string::npos)
        << e.line();
    EXPECT_EQ(e.line().find('\n'), std::string::npos);
  }
}

TEST(SweepDiff, AFailedDiffLeavesNoFullDiffBehind) {
  TempDir dir;
  testing::write_text(dir / "a.tsv", "k 1\tx\nk 2\tx\n");
  testing::write_text(dir / "b.tsv", "k 2\tx\nk 1\tx\n");
  SweepDiffOptions options;
  options.full_diff = dir / "full.tsv";
  EXPECT_THROW(diff_tables(dir / "a.tsv", dir / "b.tsv", options), Fatal);
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 2);
}

// Linear and bounded: a million keys on each side with a difference every 1000 keys. Not a timing
// test (the benchmark is harness/testing/sweep_diff_bench.cpp); it checks the counts at a size where
// anything quadratic would not finish.
TEST(SweepDiff, AMillionKeysPerSide) {
  TempDir dir;
  {
    std::string a, b;
    a.reserve(24 << 20);
    b.reserve(24 << 20);
    for (unsigned i = 0; i < 1000000; ++i) {
      const std::string key = "f" + std::to_string(i / 100000) + " " + std::to_string(i % 100000);
      a += key + "\t1\n";
      b += key + (i % 1000 == 7 ? "\t2\n" : "\t1\n");
    }
    testing::write_text(dir / "a.tsv", a);
    testing::write_text(dir / "b.tsv", b);
  }
  const SweepDiff d = diff_tables(dir / "a.tsv", dir / "b.tsv");
  EXPECT_EQ(d.differing_keys, 1000u);
  EXPECT_EQ(d.ranges, 1000u);
  EXPECT_EQ(d.groups, 10u);
  EXPECT_EQ(d.details[3].parts[0].examples.size(), 5u);
}

}  // namespace
}  // namespace libcdiff::sweep
