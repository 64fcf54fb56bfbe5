#include "targets/target.hpp"

#include <algorithm>
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
       {"sysroot/musl-1.2.5", "runtimes/musl-1.2.5", "deps/musl", "musl-1.2.5"},
       Runs::host,
       "",
       "",
       ""},
      {"musl-static",
       "musl 1.2.5, clang-16 + libc++ 16, statically linked",
       "musl",
       "1.2.5",
       "static",
       "clang-16 + libc++ 16",
       {"sysroot/musl-1.2.5", "runtimes/musl-1.2.5", "deps/musl", "musl-1.2.5"},
       Runs::host,
       "",
       "",
       ""},
      {"musl-1.2.3",
       "musl 1.2.3 (Debian bookworm's musl-dev), clang-16 + libc++ 16, dynamic",
       "musl",
       "1.2.3",
       "dynamic",
       "clang-16 + libc++ 16",
       {"sysroot/musl-1.2.3", "runtimes/musl-1.2.3", "deps/musl-1.2.3"},
       Runs::host,
       "",
       "",
       ""},
      {"glibc",
       "host glibc, clang-16 + libc++ 16, dynamic",
       "glibc",
       "",
       "dynamic",
       "clang-16 + libc++ 16",
       {"runtimes/glibc", "deps/glibc"},
       Runs::host,
       "",
       "",
       ""},
      {"glibc-gcc",
       "host glibc, host g++ + libstdc++ (the native Debian reference)",
       "glibc",
       "",
       "dynamic",
       "g++ + libstdc++",
       {"deps/glibc-gcc"},
       Runs::host,
       "",
       "",
       ""},
      {"musl-image",
       "the musl target's binaries in a minimal image (musl 1.2.5 as /lib/ld-musl-x86_64.so.1 + "
       "busybox-static), "
       "assembled offline",
       "musl",
       "1.2.5",
       "dynamic",
       "clang-16 + libc++ 16",
       {"sysroot/musl-1.2.5", "runtimes/musl-1.2.5", "deps/musl", "musl-1.2.5"},
       Runs::local_image,
       "musl",
       "",
       ""},
      {"glibc-image",
       "the glibc target's binaries in a minimal image (Debian's libc6 files + busybox-static), assembled "
       "offline",
       "glibc",
       "",
       "dynamic",
       "clang-16 + libc++ 16",
       {"runtimes/glibc", "deps/glibc"},
       Runs::local_image,
       "glibc",
       "",
       ""},
  };
  return targets;
}

std::vector<std::string> builtin_target_ids() {
  std::vector<std::string> ids;
  for (const auto& t : builtin_targets()) ids.push_back(t.id);
  return ids;
}

std::vector<std::pair<std::string, std::string>> distro_target_patterns() {
  return {
      {"alpine:<version>",
       "Alpine's musl and g++, suites built by docker/alpine.Dockerfile on alpine:<version> (3.19, 3.20, "
       "3.21, edge)"},
      {"debian:<version>",
       "Debian's glibc and g++, suites built by docker/debian.Dockerfile on debian:<version>-slim (12, 13, "
       "bookworm, trixie)"}};
}

namespace {

// "alpine:3.20" -> a target built from docker/alpine.Dockerfile on that base; nullopt when the id
// is not of that form.
std::optional<Target> distro_target(const std::string& id) {
  const auto colon = id.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::string distro = id.substr(0, colon), version = id.substr(colon + 1);
  if (distro != "alpine" && distro != "debian") return std::nullopt;
  const bool well_formed =
      !version.empty() && version.size() <= 32 && std::all_of(version.begin(), version.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
      });
  if (!well_formed)
    throw usage_error(id, "has no valid version after ':'", "write e.g. alpine:3.20 or debian:12");
  Target t;
  t.id = id;
  t.runs = Runs::distro_image;
  t.link_mode = "dynamic";
  t.compiler = distro == "alpine" ? "Alpine's g++ + libstdc++" : "Debian's g++ + libstdc++";
  t.libc_family = distro == "alpine" ? "musl" : "glibc";
  t.base_image = "docker.io/library/" + (distro == "alpine" ? id : "debian:" + version + "-slim");
  t.dockerfile = "docker/" + distro + ".Dockerfile";
  t.description = (distro == "alpine" ? "Alpine " : "Debian ") + version +
                  ": the distribution's libc and g++, in " + t.base_image;
  return t;
}

}  // namespace

Target find_target(const std::string& id) {
  for (const auto& t : builtin_targets())
    if (t.id == id) return t;
  if (auto distro = distro_target(id)) return *distro;
  const auto guess = util::closest_match(id, builtin_target_ids());
  throw usage_error(id, "is not a known target",
                    (guess ? "did you mean '" + *guess + "'? " : std::string()) + "Known targets: " +
                        util::join(builtin_target_ids(), ", ") + " (see 'libcdiff list targets')");
}

std::vector<Target> parse_target_list(const std::string& list) {
  std::vector<Target> out;
  std::set<std::string> seen;
  for (const auto& id : util::split(list, ',')) {
    if (!seen.insert(id).second)
      throw usage_error(list, "names target '" + id + "' twice", "list each target once");
    out.push_back(find_target(id));
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
  return repo_root / "cmake" / "toolchains" / (target.build_target() + ".cmake");
}

}  // namespace libcdiff::targets
