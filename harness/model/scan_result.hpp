// What `libcdiff scan` found (issue 13): per binary what it is, whether it loads on the target libc
// (and what is missing, by cause), and which observed libc differences its imports meet; per
// compilation database, what of the sources does not compile against the target's headers. What
// scan/ computes and report/ renders.
#pragma once

#include <string>
#include <vector>

#include "scan/risk_join.hpp"

namespace libcdiff::model {

inline constexpr int kScanSchemaVersion = 1;

struct MissingSymbol {
  std::string name;
  // fortify (__*_chk) | glibc-private (__libc_*, _dl_*, other glibc-internal names) |
  // gnu-extension (another name glibc exports and the target does not)
  std::string cause;
  std::string build_probe;  // the build-time-api case that probes it ("BuildTimeApi.Strlcpy"), or ""
};

struct BinaryScan {
  std::string path;
  std::string kind;         // executable | shared-object | static-executable | static-pie | ...
  std::string machine;      // x86_64
  std::string language;     // C, C++, Go, Go (cgo), Rust
  std::string linked_libc;  // glibc | musl | none
  std::string interpreter;  // PT_INTERP
  std::vector<std::string> needed;
  // loads | needs-rebuild | not-dynamic (does not depend on the libc) | wrong-arch | error
  std::string verdict;
  std::string error;  // for verdict error: the one-line reason
  std::vector<MissingSymbol> missing;
  std::vector<std::string> missing_libraries;
  std::vector<scan::ScanRisk> risks;
  int imports = 0;  // how many distinct symbols it imports (from any library)
};

// One error of a source file compiled against the target's headers.
struct SourceLocation {
  std::string file;  // absolute
  int line = 0;
  int column = 0;
  std::string message;  // the compiler's, after "error: "
};

// Every error about one API: a function, identifier, type or header ("<execinfo.h>") the target's
// headers do not declare as glibc's do.
struct SourceApiErrors {
  std::string api;  // "" for errors that name no API (they are still the target's)
  std::string
      build_probe;    // the build-time-api case that probes it ("BuildTimeApi.ExecinfoBacktrace"), or ""
  std::string title;  // that case's title, risk and fix, for the reports
  std::string risk;
  std::string fix;
  std::vector<SourceLocation> locations;  // by file, line, column; each once
};

// A compile_commands.json recompiled against the target's headers, syntax only (issue 13, item 5).
struct SourceScan {
  std::string compile_commands;  // the database
  std::string compile_flags;     // how the compiles used the target's headers ("--target=... --sysroot=...")
  std::string host_headers;      // which of the host's headers they could also see (third-party ones)
  int translation_units = 0;     // compiled
  int failed = 0;                // with errors glibc's headers do not give: these groups
  int failed_with_glibc = 0;     // with errors glibc's headers give too: not the libc's, not grouped
  int skipped = 0;               // not C or C++ (assembly, ...)
  std::vector<SourceApiErrors> apis;
  std::vector<SourceLocation> glibc_errors;  // the errors glibc's headers give too, each once
  std::vector<std::string> ignored_flags;    // the project's flags clang-16 does not know, dropped
  std::vector<std::string> problems;         // translation units that could not be checked, one line each
};

struct ScanResult {
  int schema_version = kScanSchemaVersion;
  std::string generated_at;
  std::string target;       // the libc target checked against ("musl")
  std::string target_libc;  // "musl 1.2.5 (<path of libc.so>)"
  std::string comparison;   // the comparison whose observations were joined, or ""
  std::vector<std::string> inputs;
  std::vector<BinaryScan> binaries;
  std::vector<std::string> problems;  // inputs that could not be read, one line each
  std::vector<SourceScan> sources;    // one per compilation database
};

}  // namespace libcdiff::model
