#include "collect/instruction_counter.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <regex>

#include "testing/fake_process_runner.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::collect {
namespace {

TEST(CallgrindSummary, ReadsTheEventsAndTheirTotals) {
  const auto summary = read_callgrind_summary(
      "# callgrind format\nversion: 1\ncmd: ./bench\nevents: Ir sysCount sysTime\nfn=(1) main\n"
      "3 10\nsummary: 40666 268 6\ntotals: 40666 268 6\n");
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->at("Ir"), 40666);
  EXPECT_EQ(summary->at("sysCount"), 268);
}

TEST(CallgrindSummary, TrailingZeroEventsAreZeroAndNoSummaryIsNothing) {
  const auto summary = read_callgrind_summary("events: Ir sysCount sysTime\nsummary: 12\n");
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->at("sysCount"), 0);
  EXPECT_FALSE(read_callgrind_summary("events: Ir\n"));
  EXPECT_FALSE(read_callgrind_summary(""));
}

TEST(InstructionCounter, OnlySingleThreadedCpuTimeBenchmarksAreCounted) {
  EXPECT_TRUE(countable_benchmark("BM_memcpy/64"));
  EXPECT_TRUE(countable_benchmark("BM_qsort/sorted:1"));
  EXPECT_FALSE(countable_benchmark("BM_posix_spawn_static_hello/real_time"));
  EXPECT_FALSE(countable_benchmark("BM_mutex_contended/threads:2"));
  EXPECT_TRUE(countable_benchmark("BM_x/threads:1"));
  EXPECT_FALSE(countable_benchmark("BM_x/threads:16"));
}

TEST(InstructionCounter, FilterMatchesTheNameWithItsIterationSuffixOnly) {
  const std::regex filter(exact_filter("BM_qsort/sorted:0"));
  EXPECT_TRUE(std::regex_match("BM_qsort/sorted:0", filter));
  EXPECT_TRUE(std::regex_match("BM_qsort/sorted:0/iterations:8", filter));
  EXPECT_FALSE(std::regex_match("BM_qsort/sorted:01", filter));
  EXPECT_FALSE(std::regex_match("XBM_qsort/sorted:0", filter));
  EXPECT_EQ(benchmark_function("BM_qsort/sorted:0"), "BM_qsort");
  EXPECT_EQ(exact_filter("BM_a.b"), "^BM_a\\.b(/iterations:[0-9]+)?$");
}

// objcopy makes the copy and the list names `listed`; valgrind's runs are `valgrind`'s business.
std::function<exec::ProcessResult(const exec::ProcessSpec&)> fake_tools(
    std::string listed, std::function<exec::ProcessResult(const exec::ProcessSpec&)> valgrind) {
  return [listed, valgrind](const exec::ProcessSpec& spec) {
    if (spec.program == "objcopy") std::ofstream(spec.args.back()) << "elf";
    if (spec.program == "valgrind") return valgrind(spec);
    if (!spec.args.empty() && spec.args[0] == "--benchmark_list_tests=true")
      std::ofstream(spec.stdout_path) << listed;
    return testing::exited(0);
  };
}

std::string callgrind_out(const exec::ProcessSpec& spec) {
  for (const auto& a : spec.args)
    if (a.starts_with("--callgrind-out-file=")) return a.substr(21);
  return "";
}

// count_instructions on one target's one fake binary.
std::vector<std::string> count_one(exec::ProcessRunner& runner, model::RunRecord& record,
                                   const std::filesystem::path& dir) {
  std::vector<InstructionTarget> targets{{&record, {{"x", dir / "bench_x"}}, dir / record.target}};
  return count_instructions(runner, targets, {});
}

// A fake valgrind: objcopy copies, the list names three benchmarks, and the callgrind file of a run
// with N iterations holds 1000 + 37 * N instructions (and 2 system calls per iteration): the count
// per iteration must come out at exactly 37, with the set-up's 1000 cancelled.
TEST(InstructionCounter, CountsPerIterationByDifferenceAndSkipsRealTimeBenchmarks) {
  testing::TempDir dir;
  testing::FakeProcessRunner runner;
  runner.respond = fake_tools("BM_a/64\nBM_b/real_time\nBM_c\n", [](const exec::ProcessSpec& spec) {
    const long long n = std::stoll(spec.environment->at("LIBCDIFF_BENCH_ITERATIONS"));
    std::ofstream(callgrind_out(spec))
        << "events: Ir sysCount\nsummary: " << 1000 + 37 * n << " " << 5 + 2 * n << "\n";
    return testing::exited(0);
  });
  model::RunRecord record;
  record.target = "musl";
  const auto problems = count_one(runner, record, dir.path());
  EXPECT_TRUE(problems.empty()) << problems.front();
  ASSERT_EQ(record.instructions.size(), 2u) << "BM_b is real time: not counted";
  EXPECT_DOUBLE_EQ(record.instructions.at("BM_a/64").per_iteration, 37);
  EXPECT_DOUBLE_EQ(record.instructions.at("BM_a/64").syscalls_per_iteration, 2);
  EXPECT_EQ(record.benchmark_context.at("instruction_counter"), "valgrind --tool=callgrind");
  bool toggled = false;
  for (const auto& call : runner.calls)
    for (const auto& a : call.args) toggled |= a == "--toggle-collect=*BM_a(*";
  EXPECT_TRUE(toggled) << "counting is limited to the benchmark's function";
}

TEST(InstructionCounter, AFunctionCallgrindNeverEnteredIsAProblemNotAZero) {
  testing::TempDir dir;
  testing::FakeProcessRunner runner;
  runner.respond = fake_tools("BM_a\n", [](const exec::ProcessSpec& spec) {
    std::ofstream(callgrind_out(spec)) << "events: Ir\nsummary: 0\n";
    return testing::exited(0);
  });
  model::RunRecord record;
  record.target = "glibc";
  const auto problems = count_one(runner, record, dir.path());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("counted nothing inside BM_a"), std::string::npos) << problems[0];
  EXPECT_TRUE(record.instructions.empty());
}

// Found on musl: valgrind's 64-bit x87 emulation made the strtod workload fail its round-trip check,
// and both counts were the same (a count of 0 per iteration).
TEST(InstructionCounter, ABenchmarkThatFailsUnderValgrindHasNoCount) {
  testing::TempDir dir;
  testing::FakeProcessRunner runner;
  runner.respond = fake_tools("BM_a\n", [](const exec::ProcessSpec& spec) {
    std::ofstream(spec.stdout_path) << "BM_a/iterations:4 ERROR OCCURRED: 'the numbers did not read back'\n";
    std::ofstream(callgrind_out(spec)) << "events: Ir\nsummary: 500\n";
    return testing::exited(0);
  });
  model::RunRecord record;
  record.target = "musl";
  const auto problems = count_one(runner, record, dir.path());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("reported an error under valgrind ('the numbers did not read back')"),
            std::string::npos)
      << problems[0];
  EXPECT_TRUE(record.instructions.empty());
}

TEST(InstructionCounter, AFailedValgrindIsReportedWithItsLog) {
  testing::TempDir dir;
  testing::FakeProcessRunner runner;
  runner.respond = fake_tools("BM_a\n", [](const exec::ProcessSpec&) { return testing::exited(1); });
  model::RunRecord record;
  record.target = "musl";
  const auto problems = count_one(runner, record, dir.path());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("musl/BM_a: valgrind: exit 1; see "), std::string::npos) << problems[0];
}

}  // namespace
}  // namespace libcdiff::collect
