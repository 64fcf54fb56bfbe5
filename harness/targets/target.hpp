// The built-in targets (DESIGN §3): one libc environment each, with the toolchain file that builds
// the suites for it and the cache entries scripts/setup.sh must have produced.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace libcdiff::targets {

// Where a target's suites run: on this host, in an image assembled offline from Debian packages
// around a host target's binaries (docker/local/), or in a distribution image built from a
// Dockerfile in docker/ on a base image that must be pulled (or loaded) first.
enum class Runs { host, local_image, distro_image };

struct Target {
  std::string id;
  std::string description;
  std::string libc_family;                 // musl | glibc
  std::string musl_release;                // "1.2.5" for musl targets, "" for glibc
  std::string link_mode;                   // dynamic | static
  std::string compiler;                    // what builds it, for `list targets`
  std::vector<std::string> cache_entries;  // relative to the cache dir, each stamped by setup.sh
  Runs runs = Runs::host;
  std::string binaries_of;  // local_image: the host target whose build runs inside the image
  std::string base_image;   // distro_image: the FROM of the Dockerfile, e.g. docker.io/library/alpine:3.20
  std::string dockerfile;   // distro_image: relative to the repository, e.g. docker/alpine.Dockerfile

  bool in_container() const { return runs != Runs::host; }
  // The target whose toolchain and build directory produce the binaries ("" for distro images).
  std::string build_target() const {
    return runs == Runs::local_image ? binaries_of : runs == Runs::host ? id : "";
  }
};

const std::vector<Target>& builtin_targets();
std::vector<std::string> builtin_target_ids();

// The families of distribution targets, "alpine:<version>" and "debian:<version>", for `list targets`.
std::vector<std::pair<std::string, std::string>> distro_target_patterns();

// Throws Fatal (exit 2) for an unknown id, with a "did you mean" when one is close. Accepts the
// built-in ids and alpine:<version> / debian:<version>.
Target find_target(const std::string& id);
// "musl,glibc" -> both; rejects empty lists and duplicates.
std::vector<Target> parse_target_list(const std::string& list);

// Why this target cannot be built here ("" when it can): the first missing setup piece.
std::string missing_setup(const Target& target, const std::filesystem::path& cache_dir);

std::filesystem::path toolchain_file(const Target& target, const std::filesystem::path& repo_root);

}  // namespace libcdiff::targets
