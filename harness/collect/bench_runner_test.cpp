#include "collect/bench_runner.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "testing/fake_process_runner.hpp"
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

// Found in the published run: with repetitions, Google Benchmark writes the CV aggregate of an
// all-zero counter as a bare NaN, and every such file was refused (and its benchmark dropped).
TEST(BenchJson, NonFiniteCountersDoNotMakeTheFileUnreadable) {
  const auto out = parse_benchmark_json(
      R"({"context": {"note": "NaN in a string stays"}, "benchmarks": [{"name": "BM_x", "run_type": "iteration",
          "cpu_time": 5, "time_unit": "ns", "inversions": 0}, {"name": "BM_x_cv", "run_type": "aggregate",
          "cpu_time": 0.1, "time_unit": "ns", "inversions": NaN, "other": -Infinity}]})",
      "inline");
  ASSERT_EQ(out.samples.size(), 1u);
  EXPECT_DOUBLE_EQ(out.samples[0].ns, 5);
  EXPECT_EQ(out.context.at("note"), "NaN in a string stays");
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

// A fake benchmark binary with BM_a and BM_b: it lists them, honours --benchmark_filter and writes
// Google Benchmark JSON and the peak-RSS line.
exec::ProcessResult fake_bench(const exec::ProcessSpec& spec) {
  std::string out, filter = ".*";
  for (const auto& a : spec.args) {
    if (a == "--benchmark_list_tests=true") {
      std::ofstream(spec.stdout_path) << "BM_a\nBM_b\n";
      return testing::exited(0);
    }
    if (a.starts_with("--benchmark_out=")) out = a.substr(16);
    if (a.starts_with("--benchmark_filter=")) filter = a.substr(19);
  }
  std::string rows;
  for (const char* name : {"BM_a", "BM_b"})
    if (std::regex_search(name, std::regex(filter)))
      rows += std::string(rows.empty() ? "" : ",") + R"({"name": ")" + name +
              R"(", "run_type": "iteration", "cpu_time": 10, "real_time": 10, "time_unit": "ns"})";
  std::ofstream(out) << R"({"context": {}, "benchmarks": [)" << rows << "]}";
  std::ofstream(spec.stderr_path) << "libcdiff-peak-rss-kib: 2048\n";
  return testing::exited(0);
}

std::size_t samples_of(const model::RunRecord& r, const std::string& name) {
  for (const auto& b : r.benchmarks)
    if (b.name == name) return b.samples_ns.size();
  return 0;
}

// One target with one fake benchmark binary of `area`.
struct OneTarget {
  testing::TempDir dir;
  testing::FakeProcessRunner runner;
  model::RunRecord record;
  std::vector<BenchTarget> targets;

  OneTarget(const std::string& target, const std::string& area) {
    runner.respond = fake_bench;
    record.target = target;
    BenchTarget t;
    t.record = &record;
    t.binaries = {{area, dir.path() / ("bench_" + area)}};
    t.work_dir = dir.path() / target;
    targets.push_back(t);
  }
  std::vector<std::string> run(const BenchRunOptions& options) {
    return run_benchmarks_interleaved(runner, targets, options);
  }
};

TEST(BenchRunner, AdaptiveRoundsRepeatOnlyWhatIsImpreciseAndStop) {
  OneTarget one("musl", "x");
  BenchRunOptions options;
  options.rounds = 3;
  options.max_rounds = 100;
  int asked = 0;
  options.imprecise = [&] { return ++asked <= 2 ? std::set<std::string>{"BM_a"} : std::set<std::string>{}; };
  EXPECT_TRUE(one.run(options).empty());
  EXPECT_EQ(samples_of(one.record, "BM_a"), 5u) << "3 rounds, then 2 adaptive rounds";
  EXPECT_EQ(samples_of(one.record, "BM_b"), 3u) << "precise from the start: not repeated";
  EXPECT_EQ(asked, 3);
}

TEST(BenchRunner, AdaptiveRoundsStopAtMaxRounds) {
  OneTarget one("musl", "x");
  BenchRunOptions options;
  options.rounds = 2;
  options.max_rounds = 4;
  options.imprecise = [] { return std::set<std::string>{"BM_a", "BM_b"}; };
  one.run(options);
  EXPECT_EQ(samples_of(one.record, "BM_a"), 4u);
}

TEST(BenchRunner, VariantsPreloadTheirAllocatorAndTagTheirSamples) {
  testing::TempDir dir;
  testing::FakeProcessRunner runner;
  runner.respond = fake_bench;
  model::RunRecord record;
  record.target = "musl";
  BenchTarget base;
  base.record = &record;
  base.binaries = {{"malloc", dir.path() / "bench_malloc"}, {"strings", dir.path() / "bench_strings"}};
  base.work_dir = dir.path() / "musl";
  auto variant = base;
  variant.variant = "mimalloc";
  variant.extra_environment = {{"LD_PRELOAD", "/cache/libmimalloc.so"}};
  variant.only_areas = {"malloc"};
  std::vector<BenchTarget> targets{base, variant};
  BenchRunOptions options;
  options.rounds = 2;
  options.isolated_areas = {"malloc"};
  options.pin_cpu = 1;
  options.multi_threaded_areas = {"malloc"};
  EXPECT_TRUE(run_benchmarks_interleaved(runner, targets, options).empty());
  EXPECT_EQ(samples_of(record, "BM_a [mimalloc]"), 2u);
  EXPECT_EQ(samples_of(record, "BM_a"), 4u) << "BM_a of malloc and of strings (same fake binary)";
  EXPECT_EQ(record.footprint.at("peak_rss_kib.BM_a [mimalloc]"), 2048) << "isolated: peak RSS per benchmark";
  EXPECT_EQ(record.footprint.at("peak_rss_kib.strings"), 2048) << "not isolated: per binary";
  std::set<std::string> pads;
  int preloaded = 0;
  for (const auto& call : runner.calls) {
    if (call.args.front() == "--benchmark_list_tests=true") continue;
    const bool variant_call = call.environment->count("LD_PRELOAD") > 0;
    preloaded += variant_call ? 1 : 0;
    pads.insert(call.environment->at("LIBCDIFF_LAYOUT_PAD"));
    EXPECT_TRUE(call.cpu && *call.cpu == 1) << "single-threaded work is pinned";
    for (const auto& a : call.args) {
      if (variant_call && a.starts_with("--benchmark_out=")) {
        EXPECT_NE(a.find("malloc.mimalloc."), std::string::npos) << "the variant's files are its own: " << a;
      }
    }
  }
  EXPECT_EQ(preloaded, 4) << "2 rounds x 2 benchmarks, each in its own process, malloc only";
  EXPECT_EQ(pads.size(), 2u) << "each round has its own environment size";
}

TEST(BenchRunner, OneFailingBenchmarkOfAnIsolatedAreaLeavesTheOthersRunning) {
  OneTarget one("musl", "workloads");
  one.runner.respond = [](const exec::ProcessSpec& spec) {
    for (const auto& a : spec.args)
      if (a == "--benchmark_filter=^BM_b$") return testing::exited(1);
    return fake_bench(spec);
  };
  BenchRunOptions options;
  options.rounds = 3;
  options.isolated_areas = {"workloads"};
  const auto problems = one.run(options);
  EXPECT_EQ(samples_of(one.record, "BM_a"), 3u) << "BM_a keeps running in every round";
  EXPECT_EQ(samples_of(one.record, "BM_b"), 0u);
  EXPECT_EQ(problems.size(), 1u) << "BM_b fails once and is not retried";
}

TEST(BenchRunner, MultiThreadedAreasAreNotPinned) {
  OneTarget one("glibc", "threads");
  BenchRunOptions options;
  options.rounds = 1;
  options.pin_cpu = 1;
  options.multi_threaded_areas = {"threads"};
  one.run(options);
  ASSERT_EQ(one.runner.calls.size(), 1u);
  EXPECT_FALSE(one.runner.calls[0].cpu);
}

TEST(BenchRunner, SeveralSamplesPerProcessAreAskedForAndKept) {
  OneTarget one("glibc", "strings");
  BenchRunOptions options;
  options.rounds = 2;
  options.samples_per_process = 5;
  one.run(options);
  ASSERT_EQ(one.runner.calls.size(), 2u);
  const auto& args = one.runner.calls[0].args;
  EXPECT_NE(std::find(args.begin(), args.end(), "--benchmark_repetitions=5"), args.end());
}

TEST(BenchRunner, LayoutPadsSpreadOverFourKilobytes) {
  std::set<std::size_t> pads;
  for (int round = 1; round <= 16; ++round) {
    EXPECT_LT(layout_pad_bytes(round), 4096u);
    pads.insert(layout_pad_bytes(round));
  }
  EXPECT_EQ(pads.size(), 16u);
}

}  // namespace
}  // namespace libcdiff::collect
