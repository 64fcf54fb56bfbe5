// `libcdiff scan`'s work (issue 13): every input's files read as ELF, checked against the target
// libc's exports with its own loading rules (LoadChecker for musl, GlibcLoadChecker for glibc), and their
// imports joined with the cases' observed differences. Files are checked on several threads; bad files become
// one line each. A compilation database (a *.json argument, or a directory holding compile_commands.json,
// whose files are scanned as well) has its sources compiled against the target's headers (SourceScanner).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "exec/process_runner.hpp"
#include "model/case_catalog.hpp"
#include "model/comparison.hpp"
#include "model/scan_result.hpp"
#include "scan/source_scan.hpp"

namespace libcdiff::scan {

struct ScannerOptions {
  std::vector<std::string> paths;
  std::filesystem::path musl_libc_so;                             // the target's libc.so
  std::filesystem::path glibc_lib_dir = "/lib/x86_64-linux-gnu";  // to name why a symbol is missing
  std::string target = "musl";
  // The direction: "musl" checks against musl_libc_so with musl's loader rules; "glibc" (scan
  // --to glibc) against glibc_lib_dir with glibc's (GlibcLoadChecker), musl's exports naming the
  // APIs glibc lacks.
  std::string target_family = "musl";
  std::string musl_version;  // the target's release, for version-ranged expectations
  const model::CaseCatalog* catalog = nullptr;
  const model::Comparison* comparison = nullptr;  // may be null
  std::string comparison_name;                    // where it came from, for the report
  std::filesystem::path scratch;                  // archives are unpacked here
  std::string engine = "podman";
  unsigned threads = 0;  // 0: one per core
  // How to compile sources against the target; unset: a compilation database is a problem line.
  std::optional<SourceScanOptions> sources;
};

model::ScanResult run_scan(exec::ProcessRunner& runner, const ScannerOptions& options,
                           const std::function<void(const std::string&)>& progress);

}  // namespace libcdiff::scan
