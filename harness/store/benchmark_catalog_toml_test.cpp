#include "store/benchmark_catalog_toml.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "store/run_record_json.hpp"
#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::store {
namespace {

const char* kValid = R"(
area = "demo"

[[benchmark]]
name = "BM_demo_alloc"
description = "what it measures; the mechanism"
references = ["https://example.invalid/malloc.c", "https://example.invalid/free.c"]

[[benchmark]]
name = "BM_demo_copy"
description = "no libc mechanism known to differ; expect ~1"
references = ["https://example.invalid/memcpy.s"]
)";

std::string error_of(const std::string& text) {
  model::BenchmarkCatalog catalog;
  try {
    add_benchmarks_from_toml(catalog, text, "demo/benchmarks.toml");
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::usage) << e.line();
    return e.line();
  }
  return "";
}

// kValid with the first occurrence of `from` replaced by `to`.
std::string valid_with(const std::string& from, const std::string& to) {
  std::string text = kValid;
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(BenchmarkCatalogToml, ReadsAreaAndEntries) {
  model::BenchmarkCatalog catalog;
  EXPECT_EQ(add_benchmarks_from_toml(catalog, kValid, "demo/benchmarks.toml"), "demo");
  ASSERT_EQ(catalog.by_family.size(), 2u);
  const auto& alloc = catalog.by_family.at("BM_demo_alloc");
  EXPECT_EQ(alloc.name, "BM_demo_alloc");
  EXPECT_EQ(alloc.area, "demo");
  EXPECT_EQ(alloc.description, "what it measures; the mechanism");
  EXPECT_EQ(alloc.references,
            (std::vector<std::string>{"https://example.invalid/malloc.c", "https://example.invalid/free.c"}));
}

TEST(BenchmarkCatalogToml, FindStripsTheArguments) {
  model::BenchmarkCatalog catalog;
  add_benchmarks_from_toml(catalog, kValid, "demo/benchmarks.toml");
  for (const char* name : {"BM_demo_alloc", "BM_demo_alloc/1048576", "BM_demo_alloc/real_time/threads:2"}) {
    const auto* meta = catalog.find(name);
    ASSERT_NE(meta, nullptr) << name;
    EXPECT_EQ(meta->name, "BM_demo_alloc");
  }
  EXPECT_EQ(catalog.find("BM_demo"), nullptr);
  EXPECT_EQ(catalog.find("BM_demo_alloc_more/64"), nullptr);
  EXPECT_EQ(catalog.find(""), nullptr);
  EXPECT_EQ(model::benchmark_family("BM_qsort/sorted:0"), "BM_qsort");
}

TEST(BenchmarkCatalogToml, SyntaxErrorNamesFileAndLine) {
  const auto line = error_of("area = \"demo\"\n[[benchmark]\n");
  EXPECT_TRUE(line.starts_with("libcdiff: error: demo/benchmarks.toml:2: is not valid TOML")) << line;
}

TEST(BenchmarkCatalogToml, AreaIsRequired) {
  const auto line = error_of(valid_with("area = \"demo\"", ""));
  EXPECT_TRUE(line.starts_with("libcdiff: error: demo/benchmarks.toml: has no 'area'")) << line;
  EXPECT_TRUE(contains(error_of(valid_with("area = \"demo\"", "area = 3")), "'area' must be a string"));
}

TEST(BenchmarkCatalogToml, UnknownTopLevelKeysAreRejected) {
  const auto line = error_of(valid_with("area = \"demo\"", "area = \"demo\"\ntitle = \"Demo\""));
  EXPECT_TRUE(contains(line, "demo/benchmarks.toml: has unknown key 'title'")) << line;
  EXPECT_TRUE(contains(line, "The keys are area, benchmark")) << line;
}

TEST(BenchmarkCatalogToml, AFileWithoutBenchmarksIsRejected) {
  EXPECT_TRUE(contains(error_of("area = \"demo\"\n"), "describes no benchmark"));
  EXPECT_TRUE(
      contains(error_of("area = \"demo\"\nbenchmark = \"BM_x\"\n"), "'benchmark' is not a list of tables"));
  const auto line = error_of("area = \"demo\"\nbenchmark = [\"BM_x\"]\n");
  EXPECT_TRUE(contains(line, "benchmark #1: is not a table")) << line;
}

TEST(BenchmarkCatalogToml, UnknownEntryKeysAreRejectedWithAGuess) {
  const auto line = error_of(valid_with("description =", "descripton ="));
  EXPECT_TRUE(contains(line, "demo/benchmarks.toml:4: benchmark #1: has unknown key 'descripton'")) << line;
  EXPECT_TRUE(contains(line, "Did you mean 'description'?")) << line;
}

TEST(BenchmarkCatalogToml, NameIsRequiredAndIsAFamily) {
  auto line = error_of(valid_with("name = \"BM_demo_alloc\"", ""));
  EXPECT_TRUE(contains(line, "benchmark #1: has no 'name'")) << line;
  line = error_of(valid_with("name = \"BM_demo_alloc\"", "name = \" \""));
  EXPECT_TRUE(contains(line, "benchmark #1: has an empty 'name'")) << line;
  line = error_of(valid_with("name = \"BM_demo_alloc\"", "name = \"BM_demo_alloc/64\""));
  EXPECT_TRUE(contains(line, "name = \"BM_demo_alloc/64\" is not a benchmark family")) << line;
  EXPECT_TRUE(contains(line, "e.g. \"BM_demo_alloc\"")) << line;
}

TEST(BenchmarkCatalogToml, DescriptionIsRequiredAndOneLine) {
  auto line = error_of(valid_with("description = \"what it measures; the mechanism\"", ""));
  EXPECT_TRUE(contains(line, "benchmark #1 (BM_demo_alloc): has no 'description'")) << line;
  line = error_of(valid_with("description = \"what it measures; the mechanism\"", "description = \"\""));
  EXPECT_TRUE(contains(line, "(BM_demo_alloc): has an empty 'description'")) << line;
  line = error_of(valid_with("description = \"what it measures; the mechanism\"", "description = 7"));
  EXPECT_TRUE(contains(line, "(BM_demo_alloc): 'description' must be a string")) << line;
  line = error_of(valid_with("\"what it measures; the mechanism\"", "\"\"\"two\nlines\"\"\""));
  EXPECT_TRUE(contains(line, "(BM_demo_alloc): has a description of more than one line")) << line;
}

TEST(BenchmarkCatalogToml, ReferencesAreRequiredStrings) {
  const std::string refs =
      "references = [\"https://example.invalid/malloc.c\", \"https://example.invalid/free.c\"]";
  auto line = error_of(valid_with(refs, ""));
  EXPECT_TRUE(contains(line, "(BM_demo_alloc): has no references")) << line;
  line = error_of(valid_with(refs, "references = []"));
  EXPECT_TRUE(contains(line, "(BM_demo_alloc): has no references")) << line;
  line = error_of(valid_with(refs, "references = \"https://example.invalid\""));
  EXPECT_TRUE(contains(line, "(BM_demo_alloc): 'references' must be a list of strings")) << line;
  line = error_of(valid_with(refs, "references = [\"https://example.invalid\", 2]"));
  EXPECT_TRUE(contains(line, "(BM_demo_alloc): 'references' must be a list of non-empty strings")) << line;
}

TEST(BenchmarkCatalogToml, AFamilyDescribedTwiceIsRejected) {
  auto line = error_of(valid_with("name = \"BM_demo_copy\"", "name = \"BM_demo_alloc\""));
  EXPECT_TRUE(contains(line, "demo/benchmarks.toml:9: benchmark #2 (BM_demo_alloc): is defined twice"))
      << line;
  EXPECT_TRUE(contains(line, "also at demo/benchmarks.toml:4: benchmark #1")) << line;

  model::BenchmarkCatalog catalog;
  add_benchmarks_from_toml(catalog, kValid, "demo/benchmarks.toml");
  try {
    add_benchmarks_from_toml(catalog, valid_with("\"demo\"", "\"other\""), "other/benchmarks.toml");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_TRUE(contains(e.line(),
                         "other/benchmarks.toml:4: benchmark #1 (BM_demo_alloc): is defined twice "
                         "(also in area 'demo')"))
        << e.line();
  }
}

TEST(BenchmarkCatalogToml, AFileWithAnErrorAddsNothing) {
  model::BenchmarkCatalog catalog;
  EXPECT_THROW(
      add_benchmarks_from_toml(catalog, valid_with("name = \"BM_demo_copy\"", "name = \"\""), "d.toml"),
      Fatal);
  EXPECT_TRUE(catalog.by_family.empty());
}

TEST(BenchmarkCatalogToml, LoadsEveryAreaDirectoryAndChecksTheAreaName) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "demo");
  std::filesystem::create_directories(dir / "common");  // no benchmarks.toml: not an area
  testing::write_text(dir / "demo" / "benchmarks.toml", kValid);
  const auto catalog = load_benchmark_catalog(dir.path());
  EXPECT_EQ(catalog.by_family.size(), 2u);

  std::filesystem::create_directories(dir / "misnamed");
  testing::write_text(
      dir / "misnamed" / "benchmarks.toml",
      "area = \"wrong\"\n[[benchmark]]\nname = \"BM_x\"\ndescription = \"d\"\nreferences = [\"r\"]\n");
  try {
    load_benchmark_catalog(dir.path());
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_TRUE(contains(e.line(), "misnamed/benchmarks.toml: says area = \"wrong\" in directory 'misnamed'"))
        << e.line();
  }
  EXPECT_THROW(load_benchmark_catalog(dir / "absent"), Fatal);
}

// --- The project's own catalog: every benchmark that runs explains itself. ---

std::filesystem::path source_dir() {
  return std::filesystem::path(LIBCDIFF_SOURCE_DIR);
}

model::BenchmarkCatalog project_catalog() {
  return load_benchmark_catalog(source_dir() / "benchmarks");
}

// The families registered in benchmarks/<area>/*.cpp: [LIBCDIFF_]BENCHMARK(f) and BENCHMARK_CAPTURE(f, ...)
// name f; any other registration macro must be taught to this test before it can be used.
std::map<std::string, std::string> registered_families() {
  std::map<std::string, std::string> families;  // family -> area
  // LIBCDIFF_BENCHMARK (benchmarks/common/count_mode.hpp) is BENCHMARK with the fixed-iteration hook.
  const std::regex registration(R"(\b(?:LIBCDIFF_)?BENCHMARK(_[A-Z0-9_]+)?\s*\(\s*([A-Za-z_][A-Za-z0-9_]*))");
  for (const auto& dir : std::filesystem::directory_iterator(source_dir() / "benchmarks")) {
    if (!dir.is_directory()) continue;
    for (const auto& file : std::filesystem::directory_iterator(dir.path())) {
      if (file.path().extension() != ".cpp") continue;
      std::ifstream in(file.path());
      std::stringstream text;
      text << in.rdbuf();
      const std::string source = text.str();
      for (std::sregex_iterator it(source.begin(), source.end(), registration), end; it != end; ++it) {
        const std::string macro = "BENCHMARK" + (*it)[1].str();
        if (macro == "BENCHMARK_MAIN") continue;
        if (macro != "BENCHMARK" && macro != "BENCHMARK_CAPTURE") {
          ADD_FAILURE() << file.path() << ": " << macro
                        << " is not understood by this test; teach it the name "
                        << "that macro registers";
          continue;
        }
        families[(*it)[2].str()] = dir.path().filename().string();
      }
    }
  }
  return families;
}

TEST(BenchmarkCatalogToml, EveryRegisteredBenchmarkHasADescription) {
  const auto catalog = project_catalog();
  const auto families = registered_families();
  EXPECT_GE(families.size(), 30u);
  for (const auto& [family, area] : families) {
    const auto* meta = catalog.find(family);
    if (meta == nullptr) {
      ADD_FAILURE() << family << " (benchmarks/" << area
                    << ") has no description: add a [[benchmark]] entry to "
                    << "benchmarks/" << area << "/benchmarks.toml";
      continue;
    }
    EXPECT_EQ(meta->area, area) << family << " is described in another area's benchmarks.toml";
  }
  // And no description outlives its benchmark.
  for (const auto& [family, meta] : catalog.by_family)
    EXPECT_EQ(families.count(family), 1u) << family << " is described in benchmarks/" << meta.area
                                          << "/benchmarks.toml but registered nowhere: remove the entry";
}

TEST(BenchmarkCatalogToml, EveryPublishedBenchmarkHasADescription) {
  const auto catalog = project_catalog();
  const auto record = load_run_record(source_dir() / "results" / "published" /
                                      "2026-11-26_musl-1.2.5_vs_glibc-2.36" / "run-musl.json");
  EXPECT_EQ(record.benchmarks.size(), 49u);
  for (const auto& b : record.benchmarks) {
    const auto* meta = catalog.find(b.name);
    if (meta == nullptr) {
      ADD_FAILURE() << b.name << " has no description: add a [[benchmark]] entry named \""
                    << model::benchmark_family(b.name) << "\" to benchmarks/" << b.area << "/benchmarks.toml";
      continue;
    }
    EXPECT_EQ(meta->area, b.area) << b.name;
  }
}

// A description says what the difference is, or that none is known: the wording readers search for.
TEST(BenchmarkCatalogToml, EveryDescriptionNamesAnExpectation) {
  for (const auto& [family, meta] : project_catalog().by_family)
    EXPECT_TRUE(contains(meta.description, "expect") || contains(meta.description, "measured"))
        << family << ": say which direction to expect, or \"no libc mechanism known to differ; expect ~1\"";
}

}  // namespace
}  // namespace libcdiff::store
