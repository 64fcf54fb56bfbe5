#include "targets/target.hpp"

#include <fstream>
#include <set>

#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::targets {

const std::vector<Target>& builtin_targets() {
  static const std::vector<Target> targets = {
      {"musl",
       "musl 1.2.5 (Debian trixie's build), clang-16 + libc++ 16, dynamic with its own loader",
       "musl",
       "1.2.5",
       "dynamic",
       "clang-16 + libc++ 16",
       {"sysroot/musl-1.2.5", "runtimes/musl-1.2.5", "deps/musl", "musl-1.2.5"}},
      {"musl-static",
       "musl 1.2.5, clang-16 + libc++ 16, statically linked",
       "musl",
       "1.2.5",
       "static",
       "clang-16 + libc++ 16",
       {"sysroot/musl-1.2.5", "runtimes/musl-1.2.5", "deps/musl", "musl-1.2.5"}},
      {"musl-1.2.3",
       "musl 1.2.3 (Debian bookworm's musl-dev), clang-16 + libc++ 16, dynamic",
       "musl",
       "1.2.3",
       "dynamic",
       "clang-16 + libc++ 16",
       {"sysroot/musl-1.2.3", "runtimes/musl-1.2.3", "deps/musl-1.2.3"}},
      {"glibc",
       "host glibc, clang-16 + libc++ 16, dynamic",
       "glibc",
       "",
       "dynamic",
       "clang-16 + libc++ 16",
       {"runtimes/glibc", "deps/glibc"}},
      {"glibc-gcc",
       "host glibc, host g++ + libstdc++ (the native Debian reference)",
       "glibc",
       "",
       "dynamic",
       "g++ + libstdc++",
       {"deps/glibc-gcc"}},
  };
  return targets;
}

std::vector<std::string> builtin_target_ids() {
  std::vector<std::string> ids;
  for (const auto& t : builtin_targets()) ids.push_back(t.id);
  return ids;
}

const Target& find_target(const std::string& id) {
  for (const auto& t : builtin_targets())
    if (t.id == id) return t;
  const auto guess = util::closest_match(id, builtin_target_ids());
  throw usage_error(id, "is not a known target",
                    (guess ? "did you mean '" + *guess + "'? " : std::string()) + "Known targets: " +
                        util::join(builtin_target_ids(), ", ") + " (see 'libcdiff list targets')");
}

std::vector<const Target*> parse_target_list(const std::string& list) {
  std::vector<const Target*> out;
  std::set<std::string> seen;
  for (const auto& id : util::split(list, ',')) {
    if (!seen.insert(id).second)
      throw usage_error(list, "names target '" + id + "' twice", "list each target once");
    out.push_back(&find_target(id));
  }
  if (out.empty()) throw usage_error("--targets", "is empty", "name targets, e.g. --targets musl,glibc");
  return out;
}

std::string missing_setup(const Target& target, const std::filesystem::path& cache_dir) {
  for (const auto& entry : target.cache_entries) {
    const auto stamp = cache_dir / entry / ".libcdiff-done";
    if (!std::filesystem::exists(stamp)) return (cache_dir / entry).string() + " is missing or unfinished";
  }
  return "";
}

std::filesystem::path toolchain_file(const Target& target, const std::filesystem::path& repo_root) {
  return repo_root / "cmake" / "toolchains" / (target.id + ".cmake");
}

}  // namespace libcdiff::targets
