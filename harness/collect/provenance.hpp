// Completes a run record's provenance from what the suite binary reported about itself (libc family,
// mapped libc path, link mode, compiler, C++ library, thread stack) and what the harness can read:
// the musl loader's own version banner, Debian package versions, the host.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "exec/process_runner.hpp"
#include "model/run_record.hpp"
#include "targets/target.hpp"

namespace libcdiff::collect {

struct ProvenanceInputs {
  const targets::Target* target = nullptr;
  std::map<std::string, std::string> identity;  // from the suite's gtest JSON
  std::filesystem::path cache_dir;
  std::filesystem::path scratch_dir;  // for the loader's output
  // Container targets: probes (the musl loader's banner, the package database) run through this
  // prefix, started with launcher_environment, so they describe the image and not the host.
  std::vector<std::string> launcher;
  std::map<std::string, std::string> launcher_environment;
};

model::Provenance resolve_provenance(exec::ProcessRunner& runner, const ProvenanceInputs& inputs);

// "musl libc (x86_64)\nVersion 1.2.5\n..." -> "1.2.5"; "" when absent.
std::string parse_musl_banner_version(const std::string& banner);

// Library versions the harness was built with (compile-time), recorded in every result.
std::map<std::string, std::string> harness_dependency_versions();

}  // namespace libcdiff::collect
