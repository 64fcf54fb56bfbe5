// Which build-time probe shows that an API is missing at compile time (issue 13, item 5). The
// probes are suites/build-time-api/probes/<name>.c, one case each (the table in probe_cases.cpp). A
// name leads to its case through the case's `apis` in cases.toml ("backtrace", "<sys/cdefs.h>",
// "macro __BEGIN_DECLS"), else through what the compiler says when it compiles that probe against the
// target: the APIs its errors name ("<execinfo.h>", RTLD_DEEPBIND, GLOB_BRACE, stat64), when no other
// probe's errors name them too.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/case_catalog.hpp"

namespace libcdiff::scan {

struct ProbeSource {
  std::string case_id;           // "BuildTimeApi.ExecinfoBacktrace"
  std::filesystem::path source;  // suites/build-time-api/probes/execinfo_backtrace.c
};

// The probes of `area_dir` (suites/build-time-api) whose case is in the catalog; none when the
// directory or its table is missing.
std::vector<ProbeSource> probe_sources(const model::CaseCatalog& catalog,
                                       const std::filesystem::path& area_dir);

class BuildProbes {
 public:
  BuildProbes() = default;
  // `errors_of`: the APIs each probe's compile against the target names (parallel to `probes`).
  BuildProbes(const model::CaseCatalog& catalog, const std::vector<ProbeSource>& probes,
              const std::vector<std::vector<std::string>>& errors_of);

  // The case that probes `api` ("backtrace", "<execinfo.h>", "stat64"), or nullptr.
  const model::CaseMeta* find(const std::string& api) const;

 private:
  const model::CaseCatalog* catalog_ = nullptr;
  std::map<std::string, std::string> case_of_;  // api -> case id
};

}  // namespace libcdiff::scan
