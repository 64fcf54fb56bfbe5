#include "store/sweep_catalog_toml.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "sweep/sweep_catalog.hpp"
#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::store {
namespace {

const char* kValid = R"(
[[sweep]]
id = "Locale.SweepWcwidth"
title = "wcwidth of every Unicode scalar value"
domain = "U+0000..U+10FFFF without surrogates, in C.UTF-8"
source = "the Unicode code space"
breaks = "column alignment in terminals"
risk = "medium"
references = ["https://www.unicode.org/reports/tr11/"]
apis = ["wcwidth"]
fix = "use a Unicode library for display widths"

[[sweep.expect]]
libc = "musl"
versions = ">=1.2.0"
range = ["wcwidth U+1F900..U+1F9FF", "wcwidth U+1FA70..U+1FAFF"]
why = "different Unicode versions"
references = ["https://git.musl-libc.org/cgit/musl/tree/src/ctype/wide.h"]

[[sweep.expect]]
libc = "glibc"
pattern = "wcwidth U+E*"
predicate = 'other == "-1"'
why = "private use"
references = ["https://example.invalid/pua"]
)";

std::string error_of(const std::string& text) {
  sweep::SweepCatalog catalog;
  try {
    add_sweeps_from_toml(catalog, text, "locale/sweeps.toml", "locale");
  } catch (const Fatal& e) {
    return e.line();
  }
  return "";
}

std::string with(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(SweepCatalogToml, ParsesSweepsAndTheirExpectations) {
  sweep::SweepCatalog catalog;
  add_sweeps_from_toml(catalog, kValid, "locale/sweeps.toml", "locale");
  const sweep::SweepMeta* s = catalog.find("Locale.SweepWcwidth");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->area, "locale");
  EXPECT_EQ(s->domain, "U+0000..U+10FFFF without surrogates, in C.UTF-8");
  EXPECT_EQ(s->source, "the Unicode code space");
  EXPECT_EQ(s->apis, std::vector<std::string>{"wcwidth"});
  ASSERT_EQ(s->expectations.size(), 2u);
  const auto& first = s->expectations[0];
  EXPECT_EQ(first.scope.libc, "musl");
  EXPECT_TRUE(first.scope.applies_to("musl", "1.2.5"));
  EXPECT_FALSE(first.scope.applies_to("musl", "1.1.24"));
  ASSERT_EQ(first.ranges.size(), 2u);
  EXPECT_TRUE(first.ranges[1].covers(sweep::split_key("wcwidth U+1FA70")));
  EXPECT_EQ(first.scope.why, "different Unicode versions");
  const auto& second = s->expectations[1];
  EXPECT_TRUE(second.scope.applies_to("glibc", "2.36"));  // versions default to "*"
  EXPECT_EQ(second.patterns, std::vector<std::string>{"wcwidth U+E*"});
  ASSERT_TRUE(second.predicate);
  EXPECT_EQ(second.predicate->text, "-1");
}

TEST(SweepCatalogToml, ErrorsNameTheFileTheSweepAndTheEntry) {
  EXPECT_EQ(error_of(with(kValid, "range = [\"wcwidth U+1F900..U+1F9FF\", ",
                          "range = [\"wcwidth U+1F9FF..U+1F900\", ")),
            "libcdiff: error: locale/sweeps.toml sweep Locale.SweepWcwidth expect #1: range \"wcwidth "
            "U+1F9FF..U+1F900\" ends before it starts: write the smaller point first. Fix the range.");
  EXPECT_NE(error_of(with(kValid, "predicate = 'other == \"-1\"'", "predicate = 'value_a == \"-1\"'"))
                .find("sweep Locale.SweepWcwidth expect #2: predicate \"value_a == \"-1\"\" is not one of"),
            std::string::npos);
  EXPECT_NE(error_of(with(kValid, "libc = \"glibc\"", "libc = \"bionic\""))
                .find("expect #2: libc = \"bionic\" is not a libc libcdiff knows"),
            std::string::npos);
  EXPECT_NE(error_of(with(kValid, "versions = \">=1.2.0\"", "versions = \"newest\"")).find("expect #1: "),
            std::string::npos);
}

TEST(SweepCatalogToml, AnExpectationMustSelectKeysAndCiteASource) {
  EXPECT_NE(error_of(with(kValid, "pattern = \"wcwidth U+E*\"\npredicate = 'other == \"-1\"'", ""))
                .find("expect #2: selects no keys (no range, pattern or predicate)"),
            std::string::npos);
  EXPECT_NE(error_of(with(kValid, "references = [\"https://example.invalid/pua\"]", ""))
                .find("expect #2: has no references"),
            std::string::npos);
  EXPECT_NE(error_of(with(kValid, "why = \"private use\"", "")).find("expect #2: has no 'why'"),
            std::string::npos);
}

TEST(SweepCatalogToml, UnknownKeysAreMistakesNotSilence) {
  // A misspelt selector would otherwise widen the expectation to every key the others select.
  EXPECT_NE(error_of(with(kValid, "pattern = ", "patern = ")).find("expect #2: has an unknown key 'patern'"),
            std::string::npos);
  EXPECT_NE(
      error_of(with(kValid, "apis = ", "api = ")).find("sweep Locale.SweepWcwidth: has an unknown key 'api'"),
      std::string::npos);
  EXPECT_NE(error_of(std::string("area = \"x\"\n") + kValid).find("has an unknown key 'area'"),
            std::string::npos);
}

TEST(SweepCatalogToml, SweepFieldsAreRequired) {
  for (const char* field : {"title", "domain", "source", "breaks", "risk"}) {
    std::string text = kValid;
    const auto at = text.find(std::string("\n") + field + " = ");
    text.erase(at + 1, text.find('\n', at + 1) - at);
    EXPECT_NE(error_of(text).find(std::string("sweep Locale.SweepWcwidth: has no '") + field + "'"),
              std::string::npos)
        << field << ": " << error_of(text);
  }
  EXPECT_NE(
      error_of(with(kValid, "risk = \"medium\"", "risk = \"scary\"")).find("is not high, medium or low"),
      std::string::npos);
  EXPECT_NE(
      error_of(with(kValid, "versions = \">=1.2.0\"", "versions = 3")).find("'versions' must be a string"),
      std::string::npos);
}

TEST(SweepCatalogToml, DuplicateIdsAndSyntaxErrors) {
  sweep::SweepCatalog catalog;
  add_sweeps_from_toml(catalog, kValid, "a/sweeps.toml", "a");
  try {
    add_sweeps_from_toml(catalog, kValid, "b/sweeps.toml", "b");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_NE(e.line().find("b/sweeps.toml sweep Locale.SweepWcwidth: is defined twice"), std::string::npos);
  }
  EXPECT_TRUE(error_of("[[sweep]\n").starts_with("libcdiff: error: locale/sweeps.toml:1: is not valid TOML"));
}

TEST(SweepCatalogToml, LoadsEveryAreaDirectoryWithASweepsFile) {
  testing::TempDir dir;
  testing::write_text(dir / "locale" / "sweeps.toml", kValid);
  testing::write_text(dir / "locale" / "cases.toml", "area = \"locale\"\n");
  testing::write_text(dir / "math" / "cases.toml", "area = \"math\"\n");  // no sweeps: fine
  const auto catalog = load_sweep_catalog(dir.path());
  ASSERT_EQ(catalog.sweeps.size(), 1u);
  EXPECT_EQ(catalog.sweeps.begin()->second.area, "locale");
}

TEST(SweepCatalogToml, TheProjectsOwnSweepsLoad) {
  const auto catalog = load_sweep_catalog(std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "suites");
  for (const auto& [id, s] : catalog.sweeps) {
    EXPECT_FALSE(s.references.empty()) << id;
    EXPECT_FALSE(s.apis.empty()) << id << ": add apis = [\"...\"]";
  }
}

// The real sweeps: each Sweep test in suites/<area>/sweep_*.cpp has its entry in that area's
// sweeps.toml and each entry its test, and every entry says what a reader needs to act (apis, fix,
// references, what breaks, the domain and where it comes from).
TEST(SweepCatalogToml, EveryRealSweepHasItsTestAndItsMetadata) {
  const std::filesystem::path suites = std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "suites";
  const auto catalog = load_sweep_catalog(suites);
  std::set<std::string> tests;
  // Enumerations in sweep_*.cpp (TEST(Area, SweepX)), fuzz cases in fuzz_*.cpp (TEST(Area, FuzzX)).
  const std::regex test(R"(TEST(?:_F)?\((\w+), ((?:Sweep|Fuzz)\w+)\))");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(suites)) {
    const auto name = entry.path().filename().string();
    if (!(name.starts_with("sweep_") || name.starts_with("fuzz_")) || entry.path().extension() != ".cpp")
      continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), test), end; it != end; ++it)
      tests.insert((*it)[1].str() + "." + (*it)[2].str());
  }
  EXPECT_GE(tests.size(), 20u);
  for (const auto& id : tests)
    EXPECT_NE(catalog.find(id), nullptr) << id << " has no entry in its sweeps.toml";
  for (const auto& [id, meta] : catalog.sweeps) {
    EXPECT_TRUE(tests.count(id)) << id << " (sweeps.toml) names no Sweep or Fuzz test in suites/"
                                 << meta.area;
    EXPECT_EQ(meta.fuzz, id.find(".Fuzz") != std::string::npos)
        << id << ": a Fuzz test is kind = \"fuzz\" in sweeps.toml, a Sweep test is not";
    EXPECT_FALSE(meta.apis.empty()) << id;
    EXPECT_FALSE(meta.fix.empty()) << id;
    EXPECT_FALSE(meta.references.empty()) << id;
    EXPECT_FALSE(meta.breaks.empty()) << id;
    EXPECT_FALSE(meta.domain.empty()) << id;
    EXPECT_FALSE(meta.source.empty()) << id;
  }
}

}  // namespace
}  // namespace libcdiff::store
