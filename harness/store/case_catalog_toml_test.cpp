#include "store/case_catalog_toml.hpp"

#include <gtest/gtest.h>

#include "util/error.hpp"

namespace libcdiff::store {
namespace {

const char* kValid = R"(
area = "demo"
title = "Demo"
migration = "what it means"
[[case]]
id = "Demo.One"
title = "one"
breaks = "things"
risk = "high"
references = ["https://example.invalid/src"]
apis = ["strcoll", "setlocale"]
fix = "use ICU"
note = "a caveat"
[[case.expect]]
libc = "musl"
versions = ">=1.1.11"
keys = ["k"]
why = "documented"
)";

std::string error_of(const std::string& text) {
  model::CaseCatalog catalog;
  try {
    add_area_from_toml(catalog, text, "demo/cases.toml");
  } catch (const Fatal& e) {
    return e.line();
  }
  return "";
}

TEST(CaseCatalogToml, ParsesAreaCasesAndExpectations) {
  model::CaseCatalog catalog;
  add_area_from_toml(catalog, kValid, "demo/cases.toml");
  ASSERT_EQ(catalog.areas.size(), 1u);
  EXPECT_EQ(catalog.areas[0].migration, "what it means");
  const auto* c = catalog.find("Demo.One");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->area, "demo");
  ASSERT_EQ(c->expectations.size(), 1u);
  EXPECT_TRUE(c->expectations[0].applies_to("musl", "1.2.5"));
  EXPECT_FALSE(c->expectations[0].applies_to("musl", "1.1.10"));
  EXPECT_FALSE(c->expectations[0].applies_to("glibc", "2.36"));
  EXPECT_EQ(c->expectations[0].keys, std::vector<std::string>{"k"});
}

TEST(CaseCatalogToml, MissingReferencesAreRejected) {
  std::string text = kValid;
  text.replace(text.find("references"), std::string("references = [\"https://example.invalid/src\"]").size(),
               "");
  EXPECT_NE(error_of(text).find("case Demo.One: has no references"), std::string::npos) << error_of(text);
}

TEST(CaseCatalogToml, UnknownRiskIsRejected) {
  std::string text = kValid;
  text.replace(text.find("\"high\""), 6, "\"scary\"");
  EXPECT_NE(error_of(text).find("risk = \"scary\""), std::string::npos);
}

TEST(CaseCatalogToml, BadVersionRangeIsRejected) {
  std::string text = kValid;
  text.replace(text.find(">=1.1.11"), 8, "newest");
  EXPECT_NE(error_of(text).find("is not a version range"), std::string::npos);
}

TEST(CaseCatalogToml, DuplicateIdsAreRejected) {
  model::CaseCatalog catalog;
  add_area_from_toml(catalog, kValid, "a/cases.toml");
  try {
    add_area_from_toml(catalog, kValid, "b/cases.toml");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_NE(e.line().find("defined twice"), std::string::npos);
  }
}

TEST(CaseCatalogToml, SyntaxErrorNamesFileAndLine) {
  const std::string line = error_of("area = \"demo\"\n[[case]\n");
  EXPECT_TRUE(line.starts_with("libcdiff: error: demo/cases.toml:2: is not valid TOML")) << line;
}

TEST(CaseCatalogToml, ReadsFixApisAndNote) {
  model::CaseCatalog catalog;
  add_area_from_toml(catalog, kValid, "demo/cases.toml");
  const auto& meta = catalog.cases.at("Demo.One");
  EXPECT_EQ(meta.fix, "use ICU");
  EXPECT_EQ(meta.note, "a caveat");
  EXPECT_EQ(meta.apis, (std::vector<std::string>{"strcoll", "setlocale"}));
}

// The report's checklist tells a team where to look and what to do: every case names the libc
// functions it exercises, and every documented difference says how to fix it.
TEST(CaseCatalogToml, EveryCaseNamesItsApisAndEveryExpectedDifferenceItsFix) {
  const auto catalog = load_case_catalog(std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "suites");
  for (const auto& [id, c] : catalog.cases) {
    EXPECT_FALSE(c.apis.empty()) << id << ": add apis = [\"...\"] to its cases.toml entry";
    if (!c.expectations.empty()) {
      EXPECT_FALSE(c.fix.empty()) << id << ": add fix = \"...\"";
    }
  }
}

TEST(CaseCatalogToml, TheProjectsOwnCatalogLoadsAndEveryCaseHasAReference) {
  const auto catalog = load_case_catalog(std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "suites");
  EXPECT_GE(catalog.cases.size(), 10u);
  for (const auto& [id, c] : catalog.cases) {
    EXPECT_FALSE(c.references.empty()) << id;
    EXPECT_EQ(id.substr(0, id.find('.')).size() > 0, true);
  }
}

}  // namespace
}  // namespace libcdiff::store
