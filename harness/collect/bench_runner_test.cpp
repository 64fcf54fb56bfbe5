#include "collect/bench_runner.hpp"

#include <gtest/gtest.h>

#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::collect {
namespace {

TEST(BenchJson, ReadsARealMuslRun) {
  const auto out = parse_benchmark_json(
      libcdiff::testing::read_text(LIBCDIFF_TESTDATA "/bench/malloc-musl-1.2.5.json"), "fixture");
  EXPECT_EQ(out.context.at("libc_family"), "musl");
  EXPECT_EQ(out.context.at("library_build_type"), "release") << "setup.sh builds Google Benchmark in Release";
  ASSERT_GE(out.samples.size(), 10u);
  EXPECT_EQ(out.samples[0].name, "BM_malloc_free_single/64");
  EXPECT_EQ(out.samples[0].time_kind, "cpu");
  EXPECT_GT(out.samples[0].ns, 0);
  const auto threaded = std::find_if(out.samples.begin(), out.samples.end(), [](const auto& s) {
    return s.name.find("/real_time") != std::string::npos;
  });
  ASSERT_NE(threaded, out.samples.end());
  EXPECT_EQ(threaded->time_kind, "real");
}

TEST(BenchJson, ConvertsTimeUnitsToNanoseconds) {
  const auto out = parse_benchmark_json(
      R"({"context": {}, "benchmarks": [{"name": "BM_x", "run_type": "iteration", "cpu_time": 2.5, "real_time": 3,
          "time_unit": "us"}, {"name": "BM_failed", "error_occurred": true, "cpu_time": 1, "time_unit": "ns"}]})",
      "inline");
  ASSERT_EQ(out.samples.size(), 1u) << "benchmarks that reported an error are dropped";
  EXPECT_DOUBLE_EQ(out.samples[0].ns, 2500.0);
}

TEST(BenchJson, DamagedOutputNamesTheFile) {
  try {
    parse_benchmark_json("{\"benchmarks\": [", "bench-malloc.round1.json");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_TRUE(e.line().starts_with("libcdiff: error: bench-malloc.round1.json: ")) << e.line();
  }
}

// Found by fuzzing: "1e99999" made nlohmann throw out_of_range, which escaped as an internal error.
TEST(BenchmarkJson, HugeNumbersAndWrongShapesAreInputErrors) {
  for (const std::string text : {R"({"context": {}, "benchmarks": [{"cpu_time": 1e99999}]})", "[]", "1",
                                 R"({"benchmarks": [{"name": 5}]})"}) {
    EXPECT_THROW(parse_benchmark_json(text, "b.json"), Fatal) << text;
  }
}

}  // namespace
}  // namespace libcdiff::collect
