// The environment that makes an arbitrary build system compile against a target's libc (issue 14):
// what `musl-gcc` does for C, here for C and C++ and for every local target. CMake reads the
// toolchain file through CMAKE_TOOLCHAIN_FILE; autotools, Meson and plain Makefiles read CC, CXX,
// *FLAGS and pkg-config's path.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace libcdiff::targets {

struct Target;

struct BuildEnvironment {
  std::string target;
  // Set in the child's environment, in this order when printed.
  std::vector<std::pair<std::string, std::string>> variables;
  // The dynamic loader the binaries must name (empty: the system's, or a static link).
  std::filesystem::path interpreter;

  const std::string* find(const std::string& name) const;
  // `environ` plus these variables (the variables win).
  std::map<std::string, std::string> applied_to(std::map<std::string, std::string> base) const;
};

// Throws Fatal (exit 2) for targets that are not built on this host (image targets: their
// distribution's own compiler builds inside the image).
BuildEnvironment build_environment(const Target& target, const std::filesystem::path& cache_dir,
                                   const std::filesystem::path& repo_root);

// "export NAME='value'" lines a POSIX shell can eval.
std::string shell_exports(const BuildEnvironment& env);

}  // namespace libcdiff::targets
