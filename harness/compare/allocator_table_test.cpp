#include "compare/allocator_table.hpp"

#include <gtest/gtest.h>

namespace libcdiff::compare {
namespace {

TEST(AllocatorTable, SplitsTheVariantFromTheName) {
  EXPECT_EQ(split_variant("BM_x/64 [mimalloc]"),
            (std::pair<std::string, std::string>{"BM_x/64", "mimalloc"}));
  EXPECT_EQ(split_variant("BM_x/64"), (std::pair<std::string, std::string>{"BM_x/64", ""}));
  EXPECT_EQ(split_variant("BM_x [odd"), (std::pair<std::string, std::string>{"BM_x [odd", ""}));
}

TEST(AllocatorTable, OneCellPerSideAndAllocatorWithMedianAndPeakRss) {
  model::RunRecord musl, glibc;
  musl.benchmarks = {{"BM_f", "workloads", "cpu", {30, 10, 20}},
                     {"BM_f [mimalloc]", "workloads", "cpu", {5, 6, 4}},
                     {"BM_plain", "strings", "cpu", {1, 1}}};
  musl.footprint = {{"peak_rss_kib.BM_f", 4096}, {"peak_rss_kib.BM_f [mimalloc]", 6144}};
  glibc.benchmarks = {{"BM_f", "workloads", "cpu", {8, 8, 8}}, {"BM_f [jemalloc]", "workloads", "cpu", {7}}};
  model::BenchmarkSummary summary;
  build_allocator_table(musl, "musl", glibc, "glibc", summary);
  EXPECT_EQ(summary.allocators, (std::vector<std::string>{"jemalloc", "mimalloc"}));
  ASSERT_EQ(summary.allocator_rows.size(), 1u) << "BM_plain ran with no other allocator";
  const auto& cells = summary.allocator_rows[0].cells;
  ASSERT_EQ(cells.size(), 6u) << "2 sides x (libc, jemalloc, mimalloc)";
  EXPECT_EQ(cells[0].side, "musl");
  EXPECT_EQ(cells[0].allocator, "libc");
  EXPECT_DOUBLE_EQ(cells[0].median_ns, 20);
  EXPECT_EQ(cells[0].peak_rss_kib, 4096);
  EXPECT_EQ(cells[1].allocator, "jemalloc");
  EXPECT_EQ(cells[1].median_ns, 0) << "musl did not run jemalloc: an empty cell, not a guess";
  EXPECT_EQ(cells[2].allocator, "mimalloc");
  EXPECT_DOUBLE_EQ(cells[2].median_ns, 5);
  EXPECT_EQ(cells[2].peak_rss_kib, 6144);
  EXPECT_EQ(cells[4].side, "glibc");
  EXPECT_DOUBLE_EQ(cells[4].median_ns, 7);
}

TEST(AllocatorTable, NoVariantsNoTable) {
  model::RunRecord a, b;
  a.benchmarks = {{"BM_f", "malloc", "cpu", {1}}};
  model::BenchmarkSummary summary;
  build_allocator_table(a, "musl", b, "glibc", summary);
  EXPECT_TRUE(summary.allocator_rows.empty());
  EXPECT_TRUE(summary.allocators.empty());
}

}  // namespace
}  // namespace libcdiff::compare
