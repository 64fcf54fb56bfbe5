// `libcdiff scan` on sources (issue 13, item 5): every translation unit of a compile_commands.json
// recompiled with clang-16 against the target's headers, syntax only, one compile per core. A
// header the target lacks is a fatal error that hides the rest, so it gets an empty stand-in and
// the unit is compiled again, until nothing is missing. A unit that fails is compiled once more
// against glibc's headers (the glibc target: same compiler, same libc++): errors glibc's headers
// give too are the project's (a generated header not built, a GCC extension), not the libc's. The
// target's errors are grouped by the API they name and tied to the build-time probe for it.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "exec/process_runner.hpp"
#include "model/case_catalog.hpp"
#include "model/scan_result.hpp"
#include "scan/build_probes.hpp"
#include "scan/clang_diagnostics.hpp"
#include "scan/host_headers.hpp"
#include "scan/syntax_command.hpp"
#include "scan/target_compile_flags.hpp"

namespace libcdiff::scan {

struct SourceScanOptions {
  TargetCompileFlags target;     // the musl target's
  TargetCompileFlags reference;  // the glibc target's
  const model::CaseCatalog* catalog = nullptr;
  std::filesystem::path probe_area;  // suites/build-time-api
  HostHeaderOptions host_headers{};
  bool use_host_headers = true;
  std::filesystem::path scratch;  // logs and stand-in headers (the caller removes it)
  unsigned jobs = 0;              // 0: one per core
  std::chrono::milliseconds timeout{std::chrono::minutes(2)};  // per compile
};

// One compile, repeated with stand-ins for missing headers (and without the project's flags clang
// does not know) until it says nothing new.
struct CompileOutcome {
  std::vector<ClangError> errors;          // the final compile's, with the missing headers before it
  std::vector<std::string> ignored_flags;  // the project's flags the driver rejected
  std::string problem;                     // why it could not be checked ("timed out after 120 s")
};

CompileOutcome compile_with_stand_ins(exec::ProcessRunner& runner, SyntaxCheck check,
                                      const TargetCompileFlags& flags,
                                      const std::vector<std::filesystem::path>& fallback_includes,
                                      const std::filesystem::path& work_dir,
                                      std::chrono::milliseconds timeout);

class SourceScanner {
 public:
  SourceScanner(exec::ProcessRunner& runner, SourceScanOptions options);

  // Throws CompileDatabaseError when `database` is not one.
  model::SourceScan scan(const std::filesystem::path& database,
                         const std::function<void(const std::string&)>& progress);

 private:
  void prepare(const std::function<void(const std::string&)>& progress);
  unsigned jobs() const;

  exec::ProcessRunner& runner_;
  SourceScanOptions options_;
  bool prepared_ = false;
  HostHeaders host_headers_;
  BuildProbes probes_;
};

}  // namespace libcdiff::scan
