#include "compare/bench_describe.hpp"

#include <gtest/gtest.h>

#include "store/benchmark_catalog_toml.hpp"
#include "store/comparison_file.hpp"

namespace libcdiff::compare {
namespace {

model::BenchmarkCatalog demo_catalog() {
  model::BenchmarkCatalog catalog;
  catalog.by_family["BM_malloc_free_single"] = {
      "BM_malloc_free_single", "malloc", "mmap above the threshold", {"https://example.invalid/malloc.c"}};
  catalog.by_family["BM_mutex_contended"] = {
      "BM_mutex_contended", "threads", "spins, then sleeps", {"https://example.invalid/mutex.c"}};
  return catalog;
}

model::BenchmarkComparison row(const std::string& name, const std::string& description = "") {
  model::BenchmarkComparison k;
  k.name = name;
  k.description = description;
  return k;
}

TEST(BenchDescribe, EveryRowOfEverySideGetsItsFamilysDescription) {
  model::Comparison c;
  c.bench.resize(2);
  c.bench[0].rows = {row("BM_malloc_free_single/64"), row("BM_malloc_free_single/1048576"),
                     row("BM_mutex_contended/real_time/threads:2")};
  c.bench[1].rows = {row("BM_mutex_contended/real_time/threads:4", "stale text")};
  describe_benchmarks(c, demo_catalog());
  EXPECT_EQ(c.bench[0].rows[0].description, "mmap above the threshold");
  EXPECT_EQ(c.bench[0].rows[1].description, "mmap above the threshold");
  EXPECT_EQ(c.bench[0].rows[2].description, "spins, then sleeps");
  EXPECT_EQ(c.bench[1].rows[0].description, "spins, then sleeps");
}

TEST(BenchDescribe, ARowTheCatalogDoesNotKnowKeepsItsDescription) {
  model::Comparison c;
  c.bench.resize(1);
  c.bench[0].rows = {row("BM_unknown/8", "from the file"), row("BM_unknown_too")};
  describe_benchmarks(c, demo_catalog());
  EXPECT_EQ(c.bench[0].rows[0].description, "from the file");
  EXPECT_EQ(c.bench[0].rows[1].description, "");
}

TEST(BenchDescribe, AComparisonWithoutBenchmarksIsLeftAlone) {
  model::Comparison c;
  describe_benchmarks(c, demo_catalog());
  EXPECT_TRUE(c.bench.empty());
}

// The published comparison, described by the project's own catalog: no row is left without a text.
TEST(BenchDescribe, ThePublishedComparisonIsFullyDescribed) {
  const std::filesystem::path source(LIBCDIFF_SOURCE_DIR);
  auto c = store::load_comparison(source / "results" / "published" / "2026-11-26_musl-1.2.5_vs_glibc-2.36" /
                                  "comparison.json");
  const auto catalog = store::load_benchmark_catalog(source / "benchmarks");
  for (auto& summary : c.bench)
    for (auto& k : summary.rows) k.description.clear();
  describe_benchmarks(c, catalog);
  ASSERT_FALSE(c.bench.empty());
  size_t rows = 0;
  for (const auto& summary : c.bench)
    for (const auto& k : summary.rows) {
      ++rows;
      const auto* meta = catalog.find(k.name);
      if (meta == nullptr) {
        ADD_FAILURE() << k.name << " has no description in benchmarks/" << k.area << "/benchmarks.toml";
        continue;
      }
      EXPECT_EQ(k.description, meta->description) << k.name;
    }
  EXPECT_EQ(rows, 47u);
}

}  // namespace
}  // namespace libcdiff::compare
