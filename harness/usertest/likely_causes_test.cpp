#include "usertest/likely_causes.hpp"

#include <gtest/gtest.h>

#include "store/case_catalog_toml.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::usertest {
namespace {

TEST(LikelyCauses, AValuePairInTheDifferingLinesIsAHint) {
  const std::vector<ObservedDifference> observed = {
      {"Stdio.SweepStrerror", "strerror 12", "Out of memory", "Cannot allocate memory"},
      {"Stdio.SweepStrerror", "strerror 2", "No such file or directory", "No such file or directory"}};
  const auto hints = text_hints({"open: Out of memory"}, {"open: Cannot allocate memory"}, observed);
  ASSERT_EQ(hints.size(), 1u);
  EXPECT_EQ(hints[0],
            "Stdio.SweepStrerror (strerror 12): musl 'Out of memory', glibc 'Cannot allocate memory'");
  EXPECT_TRUE(text_hints({"Out of memory"}, {"something else"}, observed).empty())
      << "both values must appear, each on its own side";
}

TEST(LikelyCauses, ReadsSweepDiffsAndSkipsFuzzAndShortValues) {
  testing::TempDir dir;
  testing::write_text(
      dir / "sweeps/Stdio.SweepStrerror.musl.diff.tsv",
      "# key\tmusl\tglibc\tverdict\nstrerror 12\tOut of memory\tCannot allocate memory\texpected 2\n"
      "x 1\t1\t2\tunexpected\n");
  testing::write_text(dir / "sweeps/Stdio.FuzzPrintf.musl.diff.tsv",
                      "k\tlong value here\tother long value\tu\n");
  const auto o = load_observed_differences(dir.path());
  ASSERT_EQ(o.size(), 1u);
  EXPECT_EQ(o[0].case_id, "Stdio.SweepStrerror");
  EXPECT_EQ(o[0].reference, "Cannot allocate memory");
}

TEST(LikelyCauses, ImportsLeadToTheCasesThatExerciseThem) {
  const auto catalog = store::load_case_catalog(std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "suites");
  const auto hint = import_hint({"strerror", "puts"}, catalog, "1.2.5");
  EXPECT_NE(hint.find("imports strerror: "), std::string::npos) << hint;
  EXPECT_NE(hint.find("Stdio.StrerrorTexts"), std::string::npos) << hint;
  EXPECT_EQ(import_hint({"puts"}, catalog, "1.2.5"), "");
  EXPECT_EQ(import_hint({"malloc", "free"}, catalog, "1.2.5"), "") << "imported by every program: no hint";
}

TEST(LikelyCauses, ProgramsAreMatchedByName) {
  const std::vector<std::filesystem::path> programs = {"/b/tests/test-fnmatch", "/b/t1"};
  EXPECT_EQ(program_for_test("tests/test-fnmatch", programs), "/b/tests/test-fnmatch");
  EXPECT_EQ(program_for_test("gtest:t1:Suite.Case", programs), "/b/t1");
  EXPECT_EQ(program_for_test("other", programs), "");
}

}  // namespace
}  // namespace libcdiff::usertest
