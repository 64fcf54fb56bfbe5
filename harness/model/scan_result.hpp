// What `libcdiff scan` found (issue 13): per binary what it is, whether it loads on the target libc
// (and what is missing, by cause), and which observed libc differences its imports meet. What
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

struct ScanResult {
  int schema_version = kScanSchemaVersion;
  std::string generated_at;
  std::string target;       // the libc target checked against ("musl")
  std::string target_libc;  // "musl 1.2.5 (<path of libc.so>)"
  std::string comparison;   // the comparison whose observations were joined, or ""
  std::vector<std::string> inputs;
  std::vector<BinaryScan> binaries;
  std::vector<std::string> problems;  // inputs that could not be read, one line each
};

}  // namespace libcdiff::model
