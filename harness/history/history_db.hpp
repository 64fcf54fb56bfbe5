// Run history (issue 15): every comparison can be recorded in a SQLite database (default
// results/history.sqlite), through SQLiteCpp (Debian's libsqlitecpp-dev, DESIGN §10), so that
// "since when does this case differ, and did its values change?" and "how did this benchmark's ratio
// move?" have answers across nights.
//
//   runs(id, recorded_at, generated_at, results_dir, reference)
//   sides(run_id, side, target, libc, compiler)                        one row per compared side
//   cases(run_id, side, slot, case_id, class, fingerprint)             per side against the reference
//
// A side's *slot* is its libc family when the comparison has one compared side of that family, else
// its label: a night that ran musl-1.2.3 in place of musl continues musl's timeline, and the sides
// table says which libc version each night had.
//   benchmarks(run_id, side, name, ratio, ci_low, ci_high, verdict)
//
// A case's fingerprint is a hash of what both sides observed (outcomes, messages, observations,
// sweep table hashes): equal fingerprints on two nights mean the values did not change.
// Every record is one transaction, and writers wait for each other (busy timeout), so two runs
// recording at once are safe and a writer killed mid-way leaves the database as it was. A file that
// is not a history database (or is damaged) is a one-line input error, never a crash.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/comparison.hpp"

namespace SQLite {
class Database;
}

namespace libcdiff::history {

struct RunRow {
  std::int64_t id = 0;
  std::string recorded_at;
  std::string generated_at;
  std::string results_dir;
  std::string reference;
  std::vector<std::string> sides;  // "musl (musl 1.2.5)"
};

struct CaseRow {
  std::int64_t run_id = 0;
  std::string generated_at;
  std::string side;
  std::string cls;
  std::string fingerprint;
  std::string slot;
  std::string libc;  // "musl 1.2.5"
};

struct BenchmarkRow {
  std::int64_t run_id = 0;
  std::string generated_at;
  std::string side;
  double ratio = 0;
  double ci_low = 0;
  double ci_high = 0;
  std::string verdict;
  double instruction_ratio = 0;      // 0: not counted in that run
  std::string estimator = "median";  // what that run's ratio divided (--estimator)
};

class HistoryDb {
 public:
  // Creates the file and its tables when absent. Throws libcdiff::Fatal naming the path when it
  // cannot be opened or is not a history database.
  explicit HistoryDb(const std::filesystem::path& path);
  ~HistoryDb();

  // One transaction; returns the new run's id.
  std::int64_t record(const model::Comparison& comparison, const std::string& results_dir,
                      const std::string& recorded_at);

  std::vector<RunRow> runs() const;                                      // oldest first
  std::vector<CaseRow> case_timeline(const std::string& case_id) const;  // oldest first
  std::vector<BenchmarkRow> benchmark_timeline(const std::string& name) const;
  std::vector<std::string> benchmark_names() const;  // every benchmark recorded, sorted
  // Cases of one run: (slot, case) -> (class, fingerprint).
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> run_cases(
      std::int64_t run_id) const;

 private:
  template <typename F>
  auto guarded(const char* what, F&& f) const;
  std::filesystem::path path_;
  std::unique_ptr<SQLite::Database> db_;
};

// The slot of a compared side (see above).
std::string slot_of(const model::Comparison& comparison, const std::string& label);

// What both sides observed of a case, as a short hash ("fnv1a64:...").
std::string case_fingerprint(const model::CaseComparison& c, const std::string& side,
                             const std::string& reference);

}  // namespace libcdiff::history
