// What one run of the suites on one target produced: the content of results/.../run-<target>.json.
#pragma once

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

struct CaseResult {
  std::string id;    // "Locale.StrcollCodepointOrder"
  std::string area;  // "locale"
  Outcome outcome = Outcome::pass;
  std::string message;  // skip reason, failure text, or "SIGSEGV" / "timeout after N ms"
  Observations observations;
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

struct SuiteRun {
  std::string area;
  std::string binary;
  std::string status;  // "ok", "recovered after crash", "build_error", ...
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

struct RunRecord {
  int schema_version = kRunRecordSchemaVersion;
  std::string target;  // target id, "musl"
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
};

}  // namespace libcdiff::model
