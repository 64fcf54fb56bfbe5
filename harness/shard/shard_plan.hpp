// `run --shard I/N` (issue 15): the run's cases split deterministically over N runners. With the
// durations of an earlier run, the longest cases go first to the least-loaded shard (LPT), so the
// shards end near the same time; without, the cases go round-robin in catalog order. Benchmark areas
// are whole units (their rounds interleave targets), dealt round-robin as well.
// Every shard of one plan is computed from the same inputs, so the N shards cover every case exactly
// once whichever machine computes them.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace libcdiff::shard {

struct ShardSpec {
  int index = 1;  // 1-based
  int count = 1;
  // "2/4"; throws libcdiff::Fatal (usage) naming the text for anything else (0/4, 5/4, 2/, x).
  static ShardSpec parse(const std::string& text);
  std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
};

struct ShardWork {
  std::set<std::string> cases;           // case ids (sweeps included) this shard runs
  std::vector<std::string> areas;        // correctness areas with at least one of them, in order
  std::vector<std::string> bench_areas;  // benchmark areas this shard runs
  double expected_seconds = 0;           // by the durations used (0 when none were known)
};

// `cases` in catalog order with their areas; `seconds` from an earlier run (may be empty or partial:
// a case without a duration counts as the median of the known ones).
ShardWork plan_shard(const ShardSpec& spec, const std::vector<std::pair<std::string, std::string>>& cases,
                     const std::vector<std::string>& area_order, const std::vector<std::string>& bench_areas,
                     const std::map<std::string, double>& seconds);

// A gtest filter naming exactly these cases ("--gtest_filter=A.B:C.D").
std::string gtest_filter(const std::set<std::string>& cases);

}  // namespace libcdiff::shard
