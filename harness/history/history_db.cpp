#include "history/history_db.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <set>
#include <utility>

#include "util/error.hpp"

namespace libcdiff::history {
namespace {

constexpr int kSchemaVersion = 1;

constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL, generated_at TEXT NOT NULL,
                                results_dir TEXT NOT NULL, reference TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sides(run_id INTEGER NOT NULL REFERENCES runs(id), side TEXT NOT NULL,
                                 target TEXT NOT NULL, libc TEXT NOT NULL, compiler TEXT NOT NULL,
                                 PRIMARY KEY(run_id, side));
CREATE TABLE IF NOT EXISTS cases(run_id INTEGER NOT NULL REFERENCES runs(id), side TEXT NOT NULL,
                                 slot TEXT NOT NULL, case_id TEXT NOT NULL, class TEXT NOT NULL,
                                 fingerprint TEXT NOT NULL, PRIMARY KEY(run_id, side, case_id));
CREATE INDEX IF NOT EXISTS cases_by_id ON cases(case_id, run_id);
CREATE TABLE IF NOT EXISTS benchmarks(run_id INTEGER NOT NULL REFERENCES runs(id), side TEXT NOT NULL,
                                      name TEXT NOT NULL, ratio REAL, ci_low REAL, ci_high REAL,
                                      verdict TEXT NOT NULL, instruction_ratio REAL, estimator TEXT,
                                      PRIMARY KEY(run_id, side, name));
)";

std::uint64_t fnv1a(std::string_view text, std::uint64_t h = 0xcbf29ce484222325ull) {
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

}  // namespace

std::string slot_of(const model::Comparison& comparison, const std::string& label) {
  const auto* side = comparison.side(label);
  if (side == nullptr || side->provenance.libc.family.empty()) return label;
  int same_family = 0;
  for (const auto& t : comparison.targets)
    same_family +=
        t.label != comparison.reference && t.provenance.libc.family == side->provenance.libc.family ? 1 : 0;
  return same_family == 1 ? side->provenance.libc.family : label;
}

std::string case_fingerprint(const model::CaseComparison& c, const std::string& side,
                             const std::string& reference) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  // The roles, not the labels: musl-1.2.3 in musl's place with the same values is "unchanged".
  for (const auto& [role, label] :
       {std::pair<std::string, std::string>{"reference", reference}, {"side", side}}) {
    h = fnv1a("\x1e" + role, h);
    if (const auto it = c.outcomes.find(label); it != c.outcomes.end())
      h = fnv1a(model::to_string(it->second), h);
    if (const auto it = c.messages.find(label); it != c.messages.end()) h = fnv1a(it->second, h);
    if (const auto it = c.observations.find(label); it != c.observations.end())
      for (const auto& [k, v] : it->second) {
        // A sweep's table path names the run's directory; its hash says what the table holds.
        if (k == "sweep.table") continue;
        h = fnv1a("\x1f" + k + "=" + v, h);
      }
  }
  return fmt::format("fnv1a64:{:016x}", h);
}

template <typename F>
auto HistoryDb::guarded(const char* what, F&& f) const {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    throw Fatal(ExitCode::usage, path_.string(), std::string(what) + " failed: " + e.what(),
                "check that it is a libcdiff history database (a damaged file can be moved aside; "
                "a new one is created on the next record)");
  }
}

HistoryDb::HistoryDb(const std::filesystem::path& path) : path_(path) {
  guarded("opening the history", [&] {
    if (!path.parent_path().empty()) std::filesystem::create_directories(path.parent_path());
    db_ = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db_->setBusyTimeout(30000);  // another run recording at the same moment: wait for it
    SQLite::Transaction t(*db_);
    db_->exec(kSchema);
    // Histories written before instruction counts and --estimator (issue 16) lack those columns;
    // adding them keeps the file readable by earlier libcdiff versions too, so the schema version
    // stays. A NULL estimator is the median, the only one before.
    std::set<std::string> present;
    SQLite::Statement columns(*db_, "PRAGMA table_info(benchmarks)");
    while (columns.executeStep()) present.insert(columns.getColumn(1).getString());
    for (const auto& [column, type] :
         {std::pair{"instruction_ratio", "REAL"}, std::pair{"estimator", "TEXT"}})
      if (!present.count(column))
        db_->exec(std::string("ALTER TABLE benchmarks ADD COLUMN ") + column + " " + type);
    SQLite::Statement version(*db_, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (version.executeStep()) {
      if (version.getColumn(0).getString() != std::to_string(kSchemaVersion))
        throw Fatal(ExitCode::usage, path.string(),
                    "is a history of schema " + version.getColumn(0).getString() +
                        ", this libcdiff writes schema " + std::to_string(kSchemaVersion),
                    "use the libcdiff version that wrote it, or start a new history file");
    } else {
      db_->exec(fmt::format("INSERT INTO meta(key, value) VALUES('schema_version', '{}')", kSchemaVersion));
    }
    t.commit();
    return 0;
  });
}

HistoryDb::~HistoryDb() = default;

std::int64_t HistoryDb::record(const model::Comparison& comparison, const std::string& results_dir,
                               const std::string& recorded_at) {
  return guarded("recording a run", [&] {
    SQLite::Transaction t(*db_);
    SQLite::Statement run(
        *db_, "INSERT INTO runs(recorded_at, generated_at, results_dir, reference) VALUES(?, ?, ?, ?)");
    run.bind(1, recorded_at);
    run.bind(2, comparison.generated_at);
    run.bind(3, results_dir);
    run.bind(4, comparison.reference);
    run.exec();
    const std::int64_t id = db_->getLastInsertRowid();
    SQLite::Statement side(*db_,
                           "INSERT INTO sides(run_id, side, target, libc, compiler) VALUES(?, ?, ?, ?, ?)");
    for (const auto& s : comparison.targets) {
      side.bind(1, id);
      side.bind(2, s.label);
      side.bind(3, s.id);
      side.bind(4, s.provenance.libc.family + " " + s.provenance.libc.version);
      side.bind(5, s.provenance.compiler);
      side.exec();
      side.reset();
    }
    SQLite::Statement row(
        *db_, "INSERT INTO cases(run_id, side, slot, case_id, class, fingerprint) VALUES(?, ?, ?, ?, ?, ?)");
    for (const auto& c : comparison.cases)
      for (const auto& [label, verdict] : c.versus) {
        row.bind(1, id);
        row.bind(2, label);
        row.bind(3, slot_of(comparison, label));
        row.bind(4, c.id);
        row.bind(5, model::to_string(verdict.cls));
        row.bind(6, case_fingerprint(c, label, comparison.reference));
        row.exec();
        row.reset();
      }
    SQLite::Statement bench(*db_,
                            "INSERT INTO benchmarks(run_id, side, name, ratio, ci_low, ci_high, verdict, "
                            "instruction_ratio, estimator) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& b : comparison.bench)
      for (const auto& r : b.rows) {
        bench.bind(1, id);
        bench.bind(2, b.side);
        bench.bind(3, r.name);
        bench.bind(4, r.ratio);
        bench.bind(5, r.ci_low);
        bench.bind(6, r.ci_high);
        bench.bind(7, r.verdict);
        if (r.instruction_ratio > 0)
          bench.bind(8, r.instruction_ratio);
        else
          bench.bind(8);  // NULL: not counted in that run
        // Real-time rows divide medians whatever the estimator (compare/estimator.hpp).
        bench.bind(9, r.median_ratio > 0 ? b.estimator : std::string("median"));
        bench.exec();
        bench.reset();
      }
    t.commit();
    return id;
  });
}

std::vector<RunRow> HistoryDb::runs() const {
  return guarded("reading the runs", [&] {
    std::vector<RunRow> out;
    SQLite::Statement q(*db_,
                        "SELECT id, recorded_at, generated_at, results_dir, reference FROM runs ORDER BY id");
    while (q.executeStep())
      out.push_back({q.getColumn(0).getInt64(),
                     q.getColumn(1).getString(),
                     q.getColumn(2).getString(),
                     q.getColumn(3).getString(),
                     q.getColumn(4).getString(),
                     {}});
    SQLite::Statement s(*db_, "SELECT side, libc FROM sides WHERE run_id = ? ORDER BY rowid");
    for (auto& r : out) {
      s.bind(1, r.id);
      while (s.executeStep())
        r.sides.push_back(s.getColumn(0).getString() + " (" + s.getColumn(1).getString() + ")");
      s.reset();
    }
    return out;
  });
}

std::vector<CaseRow> HistoryDb::case_timeline(const std::string& case_id) const {
  return guarded("reading a case's history", [&] {
    std::vector<CaseRow> out;
    SQLite::Statement q(
        *db_,
        "SELECT c.run_id, r.generated_at, c.side, c.class, c.fingerprint, c.slot, s.libc FROM cases c "
        "JOIN runs r ON r.id = c.run_id JOIN sides s ON s.run_id = c.run_id AND s.side = c.side "
        "WHERE c.case_id = ? ORDER BY c.run_id, c.side");
    q.bind(1, case_id);
    while (q.executeStep())
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                     q.getColumn(6).getString()});
    return out;
  });
}

std::vector<BenchmarkRow> HistoryDb::benchmark_timeline(const std::string& name) const {
  return guarded("reading a benchmark's history", [&] {
    std::vector<BenchmarkRow> out;
    SQLite::Statement q(*db_,
                        "SELECT b.run_id, r.generated_at, b.side, b.ratio, b.ci_low, b.ci_high, b.verdict, "
                        "COALESCE(b.instruction_ratio, 0), COALESCE(b.estimator, 'median') FROM benchmarks b "
                        "JOIN runs r ON r.id = b.run_id "
                        "WHERE b.name = ? ORDER BY b.run_id, b.side");
    q.bind(1, name);
    while (q.executeStep())
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(3).getDouble(), q.getColumn(4).getDouble(), q.getColumn(5).getDouble(),
                     q.getColumn(6).getString(), q.getColumn(7).getDouble(), q.getColumn(8).getString()});
    return out;
  });
}

std::vector<std::string> HistoryDb::benchmark_names() const {
  return guarded("reading the benchmarks", [&] {
    std::vector<std::string> out;
    SQLite::Statement q(*db_, "SELECT DISTINCT name FROM benchmarks ORDER BY name");
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  });
}

std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> HistoryDb::run_cases(
    std::int64_t run_id) const {
  return guarded("reading a run's cases", [&] {
    std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> out;
    SQLite::Statement q(*db_, "SELECT slot, case_id, class, fingerprint FROM cases WHERE run_id = ?");
    q.bind(1, run_id);
    while (q.executeStep())
      out[{q.getColumn(0).getString(), q.getColumn(1).getString()}] = {q.getColumn(2).getString(),
                                                                       q.getColumn(3).getString()};
    return out;
  });
}

}  // namespace libcdiff::history
