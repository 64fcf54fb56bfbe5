// What `libcdiff fuzz` writes: fuzz.json (everything, for tools and for reproducing) and fuzz.md
// (for people: per case the inputs, the differences by class, and every cluster of unexpected
// differences with its minimal reproducer and both libcs' values).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "fuzz/fuzz_session.hpp"
#include "sweep/sweep_catalog.hpp"

namespace libcdiff::fuzz {

struct FuzzSide {
  std::string label;  // target id
  std::string libc;   // "musl 1.2.5"
  std::string compiler;
};

struct FuzzReport {
  std::vector<FuzzSide> sides;  // a, b
  std::uint64_t seed = 0;
  std::string budget;   // "60 s per case" or "20000 inputs per case"
  std::string command;  // the command line that reproduces these results
  std::string started_at;
  bool interrupted = false;
  std::vector<FuzzCaseResult> cases;
};

// Throws libcdiff::Fatal naming the file when it cannot be written.
void write_fuzz_json(const FuzzReport& report, const sweep::SweepCatalog& catalog,
                     const std::filesystem::path& path);
std::string fuzz_markdown(const FuzzReport& report, const sweep::SweepCatalog& catalog);

// Clusters of unexpected differences over all cases.
std::size_t unexpected_clusters(const FuzzReport& report);

}  // namespace libcdiff::fuzz
