#include "store/image_differences_toml.hpp"

#include <gtest/gtest.h>

#include "compare/compare_runs.hpp"
#include "store/case_catalog_toml.hpp"
#include "util/error.hpp"

namespace libcdiff::store {
namespace {

model::CaseCatalog catalog_with(const std::vector<std::string>& ids) {
  model::CaseCatalog catalog;
  for (const auto& id : ids) catalog.cases[id].id = id;
  return catalog;
}

TEST(ImageDifferences, ReadsEntries) {
  auto catalog = catalog_with({"Time.A", "Locale.B"});
  add_image_differences_from_toml(catalog, R"(
[[difference]]
target = "glibc-image"
cases = ["Locale.B"]
what = "no locale archive"
evidence = "locale -a in the image"
)",
                                  "t.toml");
  ASSERT_EQ(catalog.image_differences.size(), 1u);
  EXPECT_NE(catalog.find_image_difference("glibc-image", "Locale.B"), nullptr);
  EXPECT_EQ(catalog.find_image_difference("musl-image", "Locale.B"), nullptr);
  EXPECT_EQ(catalog.find_image_difference("glibc-image", "Time.A"), nullptr);
}

TEST(ImageDifferences, RejectsUnknownCasesAndMissingFields) {
  auto catalog = catalog_with({"Time.A"});
  EXPECT_THROW(
      add_image_differences_from_toml(
          catalog, "[[difference]]\ntarget='x'\ncases=['Nope.C']\nwhat='w'\nevidence='e'\n", "t.toml"),
      Fatal);
  EXPECT_THROW(
      add_image_differences_from_toml(catalog, "[[difference]]\ntarget='x'\ncases=['Time.A']\n", "t.toml"),
      Fatal);
  EXPECT_THROW(add_image_differences_from_toml(catalog, "[[difference]\n", "t.toml"), Fatal);
}

TEST(ImageDifferences, TheRepositoryFileNamesOnlyKnownCases) {
  auto catalog = load_case_catalog(std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "suites");
  load_image_differences(catalog,
                         std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "docker/local/image-differences.toml");
  EXPECT_FALSE(catalog.image_differences.empty());
}

model::RunRecord record(const std::string& target, const std::string& family, const std::string& value,
                        model::Outcome outcome = model::Outcome::pass) {
  model::RunRecord r;
  r.target = target;
  r.provenance.libc.family = family;
  r.provenance.libc.version = family == "musl" ? "1.2.5" : "2.36";
  r.cases.push_back({"Time.A", "time", outcome, "", {{"k", value}}});
  return r;
}

TEST(ImageDifferences, ALabelledDifferenceIsNotUnexpected) {
  auto catalog = catalog_with({"Time.A"});
  catalog.cases["Time.A"].area = "time";
  const auto host = record("glibc", "glibc", "1");
  const auto image = record("glibc-image", "glibc", "2");
  EXPECT_TRUE(compare::compare_runs(host, image, catalog, "t").has_unexpected());
  catalog.image_differences.push_back({"glibc-image", {"Time.A"}, "no tzdata", "seen"});
  const auto labelled = compare::compare_runs(host, image, catalog, "t");
  EXPECT_FALSE(labelled.has_unexpected());
  ASSERT_EQ(labelled.cases.size(), 1u);
  EXPECT_EQ(labelled.cases[0].cls, model::CaseClass::image_difference);
  EXPECT_EQ(labelled.cases[0].image_difference, "glibc-image: no tzdata");
}

TEST(ImageDifferences, ALabelledCaseThatMatchesStaysSame) {
  auto catalog = catalog_with({"Time.A"});
  catalog.image_differences.push_back({"glibc-image", {"Time.A"}, "no tzdata", "seen"});
  const auto c =
      compare::compare_runs(record("glibc", "glibc", "1"), record("glibc-image", "glibc", "1"), catalog, "t");
  EXPECT_EQ(c.cases[0].cls, model::CaseClass::same);
  EXPECT_EQ(c.cases[0].image_difference, "glibc-image: no tzdata");
}

}  // namespace
}  // namespace libcdiff::store
