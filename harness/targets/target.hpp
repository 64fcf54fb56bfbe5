// The built-in targets (DESIGN §3): one libc environment each, with the toolchain file that builds
// the suites for it and the cache entries scripts/setup.sh must have produced.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace libcdiff::targets {

struct Target {
  std::string id;
  std::string description;
  std::string libc_family;                 // musl | glibc
  std::string musl_release;                // "1.2.5" for musl targets, "" for glibc
  std::string link_mode;                   // dynamic | static
  std::string compiler;                    // what builds it, for `list targets`
  std::vector<std::string> cache_entries;  // relative to the cache dir, each stamped by setup.sh
};

const std::vector<Target>& builtin_targets();
std::vector<std::string> builtin_target_ids();

// Throws Fatal (exit 2) for an unknown id, with a "did you mean" when one is close.
const Target& find_target(const std::string& id);
// "musl,glibc" -> both; rejects empty lists and duplicates.
std::vector<const Target*> parse_target_list(const std::string& list);

// Why this target cannot be built here ("" when it can): the first missing setup piece.
std::string missing_setup(const Target& target, const std::filesystem::path& cache_dir);

std::filesystem::path toolchain_file(const Target& target, const std::filesystem::path& repo_root);

}  // namespace libcdiff::targets
