// The result of comparing two run records: what `compare/` computes and `report/` renders.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/run_record.hpp"

namespace libcdiff::model {

inline constexpr int kComparisonSchemaVersion = 1;

enum class CaseClass {
  same,
  expected_difference,
  unexpected_difference,
  expected_but_same,
  crash,
  timeout,
  skipped,
  // Not the libc: the case is known to depend on what an offline image ships (ImageDifference).
  image_difference,
  // The harness could not get an answer: the suite did not build, or its binary could not run. Never
  // a skip: a target that produced nothing must not read as "nothing differs".
  error,
};
std::string to_string(CaseClass c);  // "expected-difference", ...
std::vector<CaseClass> all_case_classes();
// The classes the default policy fails on (exit 1): no answer, or an answer nobody expected.
bool is_problem(CaseClass c);

struct TargetSummary {
  std::string id;
  std::string description;
  Provenance provenance;
  std::map<std::string, long long> footprint;  // from the run record: program sizes, peak RSS
};

struct CaseComparison {
  std::string id;
  std::string area;
  std::string title;
  std::string breaks;
  std::string risk;
  std::vector<std::string> references;
  std::string note;               // from cases.toml: caveats a reader must see (e.g. a toolchain cause)
  std::string fix;                // from cases.toml: what to change
  std::vector<std::string> apis;  // from cases.toml: libc functions involved
  CaseClass cls = CaseClass::same;
  std::string reason;                           // why this class (skip reason, crash signal, expectation)
  std::vector<std::string> differing_keys;      // observation keys whose values differ
  std::vector<std::string> unexpected_keys;     // differing keys no expectation covers
  std::map<std::string, Outcome> outcomes;      // by target id
  std::map<std::string, std::string> messages;  // by target id: failure/skip/crash text
  std::map<std::string, Observations> observations;  // by target id
  bool failed = false;                               // a target violated the case's own assertions
  std::string image_difference;  // non-empty: "<target>: <what the image lacks>" (model::ImageDifference)
};

struct BenchmarkComparison {
  std::string name;
  std::string area;
  std::string time_kind;
  double ratio = 0;  // median(A) / median(B): above 1 means A (musl) is slower
  double ci_low = 0;
  double ci_high = 0;
  double p_value = 1;
  std::string verdict;                      // faster | slower | same | unreliable
  std::map<std::string, double> median_ns;  // by target id
  std::map<std::string, double> cv;         // by target id
  std::map<std::string, int> repetitions;   // by target id
};

struct BenchmarkSummary {
  bool present = false;
  std::uint64_t seed = 0;  // bootstrap seed, recorded so the intervals can be reproduced
  double geometric_mean_ratio = 0;
  std::map<std::string, int> verdicts;
  BenchmarkComparison calibration;  // 2x work vs 1x work on the first target
  std::vector<std::string> warnings;
};

struct Comparison {
  int schema_version = kComparisonSchemaVersion;
  std::string generated_at;
  std::vector<TargetSummary> targets;  // [A, B]
  std::vector<CaseComparison> cases;
  std::vector<std::string> warnings;            // e.g. compilers differ, thread stack looks wrong
  std::vector<BenchmarkComparison> benchmarks;  // timings never affect has_unexpected()
  BenchmarkSummary bench;

  std::map<CaseClass, int> counts() const;
  int failed_count() const;
  // Exit code 1 territory: unexpected differences, crashes, timeouts, errors or failed assertions.
  bool has_unexpected() const;
};

}  // namespace libcdiff::model
