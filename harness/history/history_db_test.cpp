#include "history/history_db.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <thread>

#include "history/history_html.hpp"
#include "history/history_report.hpp"
#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::history {
namespace {

model::TargetSummary side(const std::string& label, const std::string& family, const std::string& version) {
  model::TargetSummary t;
  t.label = label;
  t.id = label;
  t.provenance.libc.family = family;
  t.provenance.libc.version = version;
  return t;
}

model::CaseComparison a_case(const std::string& id, const std::string& label, model::CaseClass cls,
                             const std::string& value) {
  model::CaseComparison c;
  c.id = id;
  c.cls = cls;
  c.versus[label].cls = cls;
  c.observations[label]["value"] = value;
  c.observations["glibc"]["value"] = "reference";
  return c;
}

// Night 1: musl 1.2.5; night 2: musl-1.2.3 in musl's place; night 3: musl 1.2.5 again.
std::vector<model::Comparison> three_nights() {
  using model::CaseClass;
  std::vector<model::Comparison> nights(3);
  const std::vector<std::pair<std::string, std::string>> musl = {
      {"musl", "1.2.5"}, {"musl-1.2.3", "1.2.3"}, {"musl", "1.2.5"}};
  for (int n = 0; n < 3; ++n) {
    auto& c = nights[static_cast<std::size_t>(n)];
    c.generated_at = "2026-11-2" + std::to_string(n + 1) + "T02:00:00Z";
    c.reference = "glibc";
    c.targets = {
        side(musl[static_cast<std::size_t>(n)].first, "musl", musl[static_cast<std::size_t>(n)].second),
        side("glibc", "glibc", "2.36")};
    const std::string label = musl[static_cast<std::size_t>(n)].first;
    c.cases.push_back(a_case("Area.Stable", label, CaseClass::expected_difference, "x"));
    c.cases.push_back(
        a_case("Area.Appears", label, n == 0 ? CaseClass::same : CaseClass::unexpected_difference, "y"));
    c.cases.push_back(a_case("Area.Changes", label, CaseClass::expected_difference, n == 1 ? "old" : "new"));
    c.cases.push_back(
        a_case("Area.Disappears", label, n == 2 ? CaseClass::same : CaseClass::expected_difference, "z"));
    model::BenchmarkSummary b;
    b.side = label;
    b.reference = "glibc";
    b.rows.push_back(
        {"BM_malloc", "malloc", "real", "", 1.5 + n, 1.4 + n, 1.6 + n, 0.01, "slower", {}, {}, {}});
    if (n == 2) b.rows.back().instruction_ratio = 1.25;  // counted on the last night only
    if (n == 2) {  // and measured with --estimator p10, which keeps the ratio of medians beside
      b.estimator = "p10";
      b.rows.back().median_ratio = 3.0;
    }
    c.bench.push_back(b);
  }
  return nights;
}

TEST(HistoryDb, ThreeNightsShowWhatAppearedDisappearedAndChanged) {
  testing::TempDir dir;
  HistoryDb db(dir / "history.sqlite");
  int n = 0;
  for (const auto& night : three_nights())
    db.record(night, "results/runs/night" + std::to_string(++n), night.generated_at);
  ASSERT_EQ(db.runs().size(), 3u);
  EXPECT_EQ(db.runs()[1].sides.front(), "musl-1.2.3 (musl 1.2.3)");
  std::map<std::string, std::string> kinds;
  for (const auto& c : changes(db))
    kinds[c.case_id + "@" + std::to_string(c.run_id)] = c.kind + " " + c.generated_at;
  EXPECT_EQ(kinds["Area.Appears@2"], "appeared 2026-11-22T02:00:00Z");
  EXPECT_EQ(kinds["Area.Changes@2"], "changed 2026-11-22T02:00:00Z");
  EXPECT_EQ(kinds["Area.Changes@3"], "changed 2026-11-23T02:00:00Z");
  EXPECT_EQ(kinds["Area.Disappears@3"], "disappeared 2026-11-23T02:00:00Z");
  EXPECT_EQ(kinds.size(), 4u) << "Area.Stable never changes, and musl-1.2.3 continues musl's timeline";
  // One case's timeline: the slot is "musl" across all three nights, with the libc of each night.
  const auto text = case_text("Area.Appears", db.case_timeline("Area.Appears"));
  EXPECT_NE(text.find("musl 1.2.3"), std::string::npos) << text;
  EXPECT_NE(text.find("differs since run 2 (2026-11-22T02:00:00Z)"), std::string::npos) << text;
  const auto bench = db.benchmark_timeline("BM_malloc");
  ASSERT_EQ(bench.size(), 3u);
  EXPECT_DOUBLE_EQ(bench[2].ratio, 3.5);
  EXPECT_EQ(bench[0].instruction_ratio, 0) << "not counted: no figure";
  EXPECT_DOUBLE_EQ(bench[2].instruction_ratio, 1.25);
  EXPECT_NE(benchmark_text("BM_malloc", bench).find("instructions 1.250"), std::string::npos);
  EXPECT_EQ(bench[0].estimator, "median");
  EXPECT_EQ(bench[2].estimator, "p10");
  EXPECT_NE(benchmark_text("BM_malloc", bench).find("3.500 (p10) [3.400, 3.600]"), std::string::npos)
      << benchmark_text("BM_malloc", bench);
}

// A history written before the instruction_ratio column gets it, and keeps its rows.
TEST(HistoryDb, AnOlderHistoryGainsTheInstructionColumn) {
  testing::TempDir dir;
  {
    SQLite::Database old((dir / "old.sqlite").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    old.exec(
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES('schema_version', '1');"
        "CREATE TABLE runs(id INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL, generated_at TEXT NOT NULL, "
        "results_dir TEXT NOT NULL, reference TEXT NOT NULL);"
        "INSERT INTO runs VALUES(1, 'then', '2026-11-01T00:00:00Z', 'r', 'glibc');"
        "CREATE TABLE benchmarks(run_id INTEGER NOT NULL REFERENCES runs(id), side TEXT NOT NULL, "
        "name TEXT NOT NULL, ratio REAL, ci_low REAL, ci_high REAL, verdict TEXT NOT NULL, "
        "PRIMARY KEY(run_id, side, name));"
        "INSERT INTO benchmarks VALUES(1, 'musl', 'BM_malloc', 2, 1.9, 2.1, 'slower');");
  }
  HistoryDb db(dir / "old.sqlite");
  const auto bench = db.benchmark_timeline("BM_malloc");
  ASSERT_EQ(bench.size(), 1u);
  EXPECT_DOUBLE_EQ(bench[0].ratio, 2);
  EXPECT_EQ(bench[0].instruction_ratio, 0);
  EXPECT_EQ(bench[0].estimator, "median") << "before --estimator every ratio divided medians";
  db.record(three_nights()[2], "r3", "now");
  EXPECT_DOUBLE_EQ(db.benchmark_timeline("BM_malloc").back().instruction_ratio, 1.25);
}

TEST(HistoryDb, TwoWritersAtOnceBothLand) {
  testing::TempDir dir;
  const auto nights = three_nights();
  { HistoryDb create(dir / "h.sqlite"); }
  std::vector<std::thread> writers;
  for (int w = 0; w < 2; ++w)
    writers.emplace_back([&, w] {
      HistoryDb db(dir / "h.sqlite");
      for (int i = 0; i < 20; ++i)
        db.record(nights[static_cast<std::size_t>(w)], "w" + std::to_string(w), "now");
    });
  for (auto& t : writers) t.join();
  EXPECT_EQ(HistoryDb(dir / "h.sqlite").runs().size(), 40u);
}

TEST(HistoryDb, AWriterKilledMidTransactionLeavesTheDatabaseAsItWas) {
  testing::TempDir dir;
  const auto path = dir / "h.sqlite";
  HistoryDb(path).record(three_nights()[0], "before", "now");
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t child = fork();
  if (child == 0) {
    // Half a record: rows written inside a transaction that never commits.
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    SQLite::Transaction t(db);
    db.exec(
        "INSERT INTO runs(recorded_at, generated_at, results_dir, reference) VALUES('x', 'x', 'torn', "
        "'glibc')");
    db.exec(
        "INSERT INTO cases(run_id, side, slot, case_id, class, fingerprint) VALUES(2, 'musl', 'musl', 'A', "
        "'same', 'f')");
    if (write(ready[1], "r", 1) != 1) _exit(1);
    pause();
    _exit(0);
  }
  char c;
  ASSERT_EQ(read(ready[0], &c, 1), 1);
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  HistoryDb after(path);
  ASSERT_EQ(after.runs().size(), 1u);
  EXPECT_EQ(after.runs()[0].results_dir, "before");
  SQLite::Database check(path.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(check.execAndGet("PRAGMA integrity_check").getString(), "ok");
  after.record(three_nights()[1], "after", "now");  // and it takes new records
  EXPECT_EQ(after.runs().size(), 2u);
}

TEST(HistoryDb, ADamagedFileIsOneLineNamingIt) {
  testing::TempDir dir;
  const auto path = dir / "h.sqlite";
  std::ofstream(path) << std::string(4096, 'x');
  try {
    HistoryDb db(path);
    FAIL() << "opened a file that is not a database";
  } catch (const Fatal& e) {
    EXPECT_NE(e.line().find(path.string()), std::string::npos) << e.line();
    EXPECT_EQ(e.line().find('\n'), std::string::npos);
  }
}

}  // namespace
}  // namespace libcdiff::history

namespace libcdiff::history {
namespace {

TEST(HistoryHtml, ShowsTheRunsTheChangesAndATrendPerBenchmark) {
  testing::TempDir dir;
  HistoryDb db(dir / "h.sqlite");
  for (const auto& night : three_nights()) db.record(night, "results/x", night.generated_at);
  const std::string html = history_html(db);
  EXPECT_NE(html.find("<td class=\"appeared\">appeared</td>"), std::string::npos);
  EXPECT_NE(html.find("<h3>BM_malloc</h3><svg"), std::string::npos);
  // Three points, one per run, each with its value in a tooltip.
  EXPECT_NE(html.find("run 3 musl: 3.500 [3.400, 3.600] slower"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos) << "self-contained, no scripts";
}

}  // namespace
}  // namespace libcdiff::history
