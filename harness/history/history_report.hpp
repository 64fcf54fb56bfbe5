// What `libcdiff history` prints, from the database's rows (history_db.hpp): the runs, what changed
// from each run to the next (cases that began or stopped differing, or whose values changed), one
// case's timeline with "differs since", and one benchmark's ratio over time.
#pragma once

#include <string>
#include <vector>

#include "history/history_db.hpp"

namespace libcdiff::history {

// A class counts as "differs" when it is an answer that is not sameness: expected or unexpected
// difference, crash, timeout, error, image difference.
bool differs(const std::string& cls);

struct Change {
  std::int64_t run_id = 0;
  std::string generated_at;
  std::string side;
  std::string case_id;
  // appeared | disappeared | reclassified (another class, still differing or not) | changed (same
  // class, still differing, other values)
  std::string kind;
  std::string before;
  std::string after;
};

// Every change between consecutive runs, oldest first.
std::vector<Change> changes(const HistoryDb& db);

std::string runs_text(const std::vector<RunRow>& runs, const std::vector<Change>& changes);
std::string case_text(const std::string& case_id, const std::vector<CaseRow>& rows);
std::string benchmark_text(const std::string& name, const std::vector<BenchmarkRow>& rows);

}  // namespace libcdiff::history
