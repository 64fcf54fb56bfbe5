// The result of comparing run records (sides): what `compare/` computes and `report/` renders.
// Schema 2 (issue 10): N sides, each a run labelled uniquely, compared against one reference side;
// everything a renderer needs is inside, so a comparison.json re-renders without the catalog.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/run_record.hpp"

namespace libcdiff::model {

inline constexpr int kComparisonSchemaVersion = 2;

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
// Worst first (error, unexpected, crash, timeout, expected-but-same, expected, image, skipped, same):
// a case compared on several sides takes its worst side's class.
int severity_rank(CaseClass c);
// Throws std::invalid_argument for an unknown name.
CaseClass case_class_from_string(const std::string& name);

// One side of a comparison: one target's run. `label` is unique within the comparison and is the
// key of every per-side map below (a target compared with an earlier run of itself has two sides).

struct TargetSummary {
  std::string label;  // "musl", "musl@20261126T163958Z", or the user's --label
  std::string id;     // target id
  std::string description;
  std::string started_at;
  Provenance provenance;
  std::map<std::string, long long> footprint;  // from the run record: program sizes, peak RSS
};

// A sweep's tables compared (issue 12): differing keys as families, each split into the keys no
// expectation covers and those each expectation covers, with the largest ranges as examples
// ("wcwidth U+1F900..U+1F9FF: musl 1, glibc 2 (256 keys)"). The full diff is a file in the results.
struct SweepPartSummary {
  int expectation = -1;  // 1-based [[sweep.expect]] of the sweep; 0: unexpected
  std::string why;
  std::uint64_t keys = 0;
  std::uint64_t ranges = 0;
  std::vector<std::string> examples;  // described ranges, largest first
};
struct SweepGroupSummary {
  std::string family;  // the keys' family ("wcwidth C.UTF-8"); "" for keys without one
  std::uint64_t keys = 0;
  std::uint64_t ranges = 0;
  std::uint64_t only_side = 0;          // keys present on the side only
  std::uint64_t only_reference = 0;     // keys present on the reference only
  std::vector<SweepPartSummary> parts;  // unexpected first
};
struct SweepSummary {
  std::uint64_t keys_side = 0;
  std::uint64_t keys_reference = 0;
  std::uint64_t same = 0;
  std::uint64_t differing = 0;       // including the keys present on one side only
  std::uint64_t only_side = 0;       // of them: keys the reference's table does not have
  std::uint64_t only_reference = 0;  // keys the side's table does not have
  std::uint64_t expected = 0;
  std::uint64_t unexpected = 0;
  std::uint64_t ranges = 0;
  std::uint64_t groups = 0;  // families with a difference (details holds the first of them)
  std::vector<SweepGroupSummary> details;
  std::string full_diff;  // relative to the comparison's directory; "" when not written
  // Expectations that apply to this pair but covered no key: "#2 (musl <1.2.5): why".
  std::vector<std::string> idle_expectations;
};

// One side against the reference side, for one case.
struct SideVerdict {
  CaseClass cls = CaseClass::same;
  std::string reason;
  std::vector<std::string> differing_keys;
  std::vector<std::string> unexpected_keys;
  std::optional<SweepSummary> sweep{};  // sweep cases whose tables were compared
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
  bool sweep = false;             // a sweep (sweeps.toml): its observations are tables, see versus[].sweep
  // The case as a whole: its worst side's verdict (with two sides, the one non-reference side's).
  CaseClass cls = CaseClass::same;
  std::string reason;                            // why this class (skip reason, crash signal, expectation)
  std::vector<std::string> differing_keys;       // observation keys whose values differ on some side
  std::vector<std::string> unexpected_keys;      // differing keys no expectation covers
  std::map<std::string, SideVerdict> versus;     // by side label, every side but the reference
  std::vector<std::vector<std::string>> groups;  // side labels with identical outcome and observations
  std::map<std::string, Outcome> outcomes;       // by side label
  std::map<std::string, std::string> messages;   // by side label: failure/skip/crash text
  std::map<std::string, Observations> observations;  // by side label
  std::map<std::string, double> seconds;             // by side label: the case's time (0: unknown)
  bool failed = false;                               // a target violated the case's own assertions
  std::string image_difference;  // non-empty: "<target>: <what the image lacks>" (model::ImageDifference)
  // The CI policy's word on this case (compare/policy): why it fails the run ("" = it does not), and
  // the team's acknowledgement from their libcdiff.toml ("reason (until 2027-03-01)").
  std::string policy_failure;
  std::string acknowledgement;
  // Against `--baseline` (issue 15): new (differs now, did not then), changed (differs in both, other
  // values), resolved (differed then, not now), unchanged; "" without a baseline. The worst side's.
  std::string baseline;
  // `libcdiff test` (issue 14): where the test's logs part ways, side by side (the worst side against
  // the reference), and hints at the libc behaviour behind it; empty for suite cases.
  std::string log_difference;
  std::vector<std::string> hints;
};

struct BenchmarkComparison {
  std::string name;
  std::string area;
  std::string time_kind;
  std::string description;  // what it measures and which libc mechanism drives a difference
  double ratio =
      0;  // estimator(side) / estimator(reference), the median by default: above 1 the side is slower
  double ci_low = 0;
  double ci_high = 0;
  double p_value = 1;
  std::string verdict;                      // faster | slower | same | unreliable
  std::map<std::string, double> median_ns;  // by side label
  std::map<std::string, double> cv;         // by side label
  std::map<std::string, int> repetitions;   // by side label
  // Instructions per iteration under valgrind, by side label (run --metric instructions), their
  // ratio side / reference, system calls per iteration, and why the two metrics disagree if they do.
  std::map<std::string, double> instructions{};
  std::map<std::string, double> syscalls{};
  double instruction_ratio = 0;
  std::string metrics_note{};
  // The ratio of each half of the repetitions (first half, second half) and whether their intervals
  // overlap: a drifting machine shows up as halves that disagree.
  double first_half_ratio = 0;
  double second_half_ratio = 0;
  std::string split_half{};  // "agree" | "disagree" | "" (too few repetitions)
  // With an estimator other than the median: the ratio of medians, kept beside the headline ratio
  // (0 when the estimator is the median).
  double median_ratio = 0;
};

// One allocation benchmark or workload under each allocator on each libc: median time and the peak
// RSS of the process that ran only that benchmark.
struct AllocatorCell {
  std::string side;       // side label ("musl")
  std::string allocator;  // "libc" | "mimalloc" | "jemalloc"
  double median_ns = 0;
  long long peak_rss_kib = 0;
  int repetitions = 0;
};
struct AllocatorRow {
  std::string name;
  std::string area;
  std::vector<AllocatorCell> cells;
};

// The benchmarks of one side against the reference side.
struct BenchmarkSummary {
  bool present = false;
  std::string side;                  // label
  std::string reference;             // label
  std::uint64_t seed = 0;            // bootstrap seed, recorded so the intervals can be reproduced
  std::string estimator = "median";  // what each ratio divides: "median" or "p<N>" (--estimator)
  double geometric_mean_ratio = 0;
  std::map<std::string, int> verdicts;
  std::map<std::string, double> area_geometric_mean_ratio;  // reliable ratios only, per area
  BenchmarkComparison calibration;                          // 2x work vs 1x work on the side
  double instruction_calibration = 0;  // the same pair in instructions: exactly 2 when counting works
  double median_half_width = 0;        // median relative 95% half-width of single-threaded ratios
  int split_half_agree = 0;            // rows whose two halves agree, of split_half_checked
  int split_half_checked = 0;
  std::vector<std::string> allocators;  // the allocators measured besides the libc's own
  std::vector<AllocatorRow> allocator_rows;
  std::vector<std::string> warnings;
  std::vector<BenchmarkComparison> rows;
};

// The paragraph of cases.toml's [area] table, carried so renderers need no catalog.
struct AreaText {
  std::string area;
  std::string title;
  std::string migration;
};

struct Comparison {
  int schema_version = kComparisonSchemaVersion;  // as read; writers write the current version
  std::string generated_at;
  std::vector<TargetSummary> targets;  // the sides, in the order given
  std::string reference;               // label of the side every other side is classified against
  std::vector<AreaText> areas;         // of the areas present in `cases`
  std::vector<CaseComparison> cases;
  std::vector<std::string> warnings;      // e.g. compilers differ, thread stack looks wrong
  std::vector<BenchmarkSummary> bench;    // per non-reference side; timings never affect has_unexpected()
  std::string policy;                     // the --fail-on rules applied ("" = none: classes decide)
  std::vector<std::string> policy_notes;  // stale or expired acknowledgements, named
  std::string baseline;                   // "<results dir> (<its generated_at>)"; "" without --baseline

  const TargetSummary* side(const std::string& label) const;
  const AreaText* area_text(const std::string& area) const;
  // The sides other than the reference, in order.
  std::vector<const TargetSummary*> compared_sides() const;
  bool has_benchmarks() const;

  std::map<CaseClass, int> counts() const;
  int failed_count() const;
  // Exit code 1 territory. Without a policy: unexpected differences, crashes, timeouts, errors or
  // failed assertions; with one, the cases it fails.
  bool has_unexpected() const;
};

}  // namespace libcdiff::model
