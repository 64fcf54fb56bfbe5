// What one run of the suites on one target produced: the content of results/.../run-<target>.json.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace libcdiff::model {

inline constexpr int kRunRecordSchemaVersion = 1;

// How one case ended on one target (the libc-test vocabulary of DESIGN / notes/models.md).
enum class Outcome { pass, fail, skip, crash, timeout, build_error };
std::string to_string(Outcome outcome);
// Throws std::invalid_argument for an unknown name.
Outcome outcome_from_string(const std::string& name);

using Observations = std::map<std::string, std::string>;

// A sweep case's table (issue 12): the suite wrote it beside its results and recorded where, how
// many keys and the file's hash (suites/common/sweep_table.hpp).
struct SweepRef {
  std::string table;  // relative to the run's results directory: "logs/musl/sweeps/X.sweep.tsv"
  long long keys = 0;
  std::string hash;  // "fnv1a64:0123456789abcdef"
  bool present() const { return !table.empty(); }
};

struct CaseResult {
  std::string id;    // "Locale.StrcollCodepointOrder"
  std::string area;  // "locale"
  Outcome outcome = Outcome::pass;
  std::string message;  // skip reason, failure text, or "SIGSEGV" / "timeout after N ms"
  Observations observations;
  double seconds = 0;  // the case's own time as the suite reported it (0: unknown)
  SweepRef sweep{};    // sweep cases only
};

// What the suite binary itself reported about the libc it ran on, plus what the harness added.
struct LibcProvenance {
  std::string family;           // glibc | musl
  std::string version;          // "2.36", "1.2.5"
  std::string version_source;   // how the version was read
  std::string path;             // libc image the binary mapped; "" for static
  std::string package_version;  // Debian package version of that libc
  std::string link_mode;        // dynamic | static (as observed at run time)
};

struct Provenance {
  LibcProvenance libc;
  std::string compiler;
  std::string cxx_library;
  long long thread_default_stack_bytes = -1;
  std::map<std::string, std::string> host;          // kernel, cpu, cores
  std::map<std::string, std::string> dependencies;  // library -> version, for the harness and suites
  std::string harness_version;
};

// How a suite binary's run ended, as a whole (its cases carry their own outcomes).
enum class SuiteStatus {
  ok,                    // ran to the end
  recovered,             // a case crashed or hung; the suite was rerun without it
  build_error,           // never built (or not configured)
  failed_to_start,       // the binary could not be started
  crashed_outside_case,  // died before or after every case: no case to blame
  unreadable_output,     // finished but its gtest JSON could not be read
  gave_up,               // too many crashes or hangs to go on
  interrupted,           // the user stopped the run
  unknown,               // a status this version does not know (a newer record)
};
// The record's spelling: "ok", "recovered", "build_error", "failed_to_start",
// "crashed outside a case", "unreadable output", "gave up", "interrupted".
std::string to_string(SuiteStatus status);
// Unknown spellings read as SuiteStatus::unknown: a record is never refused for its status.
SuiteStatus suite_status_from_string(const std::string& name);
// ok and recovered: the suite's cases are all accounted for.
bool suite_answered(SuiteStatus status);

struct SuiteRun {
  std::string area;
  std::string binary;
  SuiteStatus status = SuiteStatus::ok;
  std::string message;
  int attempts = 0;
  long long elapsed_ms = 0;
};

// One benchmark's raw repetitions on one target (never aggregated in the record: DESIGN §7).
struct BenchmarkSamples {
  std::string name;       // "BM_malloc_free_single/64"
  std::string area;       // "malloc"
  std::string time_kind;  // "cpu" or "real" (benchmarks declared UseRealTime)
  std::vector<double> samples_ns;
};

// One benchmark's instructions per iteration under valgrind (run --metric instructions): the
// difference of two counts at two fixed iteration numbers, so set-up and first-call costs cancel.
struct InstructionCount {
  double per_iteration = 0;
  double syscalls_per_iteration = 0;  // system calls are time the instruction count does not see
  long long low_iterations = 0;
  long long high_iterations = 0;
};

struct RunRecord {
  int schema_version = kRunRecordSchemaVersion;
  std::string target;  // target id, "musl"
  std::string label;   // optional side label ("musl@nightly", from run --label); empty: derived
  std::string target_description;
  std::string started_at;
  std::string finished_at;  // empty while the run is still going (incremental writes)
  Provenance provenance;
  std::vector<SuiteRun> suites;
  std::vector<CaseResult> cases;
  std::vector<BenchmarkSamples> benchmarks;
  std::map<std::string, std::string>
      benchmark_context;                       // Google Benchmark's context (build type, CPU scaling...)
  std::map<std::string, long long> footprint;  // "size.hello_c_static" bytes, "peak_rss_kib.malloc"
  std::map<std::string, InstructionCount> instructions;  // by benchmark name
  std::string shard;                                     // "2/4" for `run --shard 2/4`; empty: the whole run
  std::string shard_plan;  // what every shard of one split shares (merge checks it)
  // A record joined by `libcdiff merge`: one line per shard ("<dir>: shard 2/4, started ..., host ...").
  std::vector<std::string> merged_from;
  // Not stored: the results directory the record was read from or is written to, which sweep
  // tables (SweepRef::table) are relative to. Empty: the current directory.
  std::filesystem::path location;
};

}  // namespace libcdiff::model
