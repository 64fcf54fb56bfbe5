// What a container target needs around the suite runner (DESIGN §3, §8): its image, made available
// in the run's container session, and the container each suite binary runs in.
//   local_image:  docker/local/assemble.sh builds a root file system from Debian packages around the
//                 host twin's libc; it is imported, and the twin's build tree is mounted read-only at
//                 the same path, so the very same binaries run inside.
//   distro_image: docker/<distro>.Dockerfile builds the suites with the distribution's own compiler
//                 on a base image that must already be in the store, be loadable from
//                 <cache>/images/, or be pullable.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "collect/suite_builder.hpp"
#include "exec/container_session.hpp"
#include "targets/target.hpp"

namespace libcdiff::collect {

struct TargetImage {
  std::string reference;                       // in the session's store
  std::map<std::string, long long> footprint;  // "image.runtime", "image.build" (bytes)
  std::filesystem::path build_dir;             // distro images: the suites' build tree inside the image
};

// "<bytes> <path>" lines (stat -c '%s %n') -> path -> bytes; other lines are ignored.
std::map<std::string, long long> parse_size_listing(const std::string& text);

// Where an offline copy of a base image may be put: "<cache>/images/<name>_<tag>.tar" (`podman save`)
// or "<name>_<tag>.rootfs.tar" (a root file system tarball, e.g. from mmdebstrap).
std::vector<std::filesystem::path> offline_image_files(const std::filesystem::path& cache_dir,
                                                       const std::string& reference);

// Makes the target's base image available. Fails fast with an environment error (exit 3) and one
// line naming the image, why it cannot be pulled and what to do.
void ensure_base_image(exec::ContainerSession& session, const targets::Target& target,
                       const std::filesystem::path& cache_dir);

struct LocalImageRequest {
  const targets::Target* target = nullptr;
  std::filesystem::path repo_root;
  std::filesystem::path sample_binary;  // one suite binary of the host twin: its loader is what we install
  std::filesystem::path scratch_dir;
  std::map<std::string, std::string> environment;  // for assemble.sh
};
TargetImage assemble_local_image(exec::ContainerSession& session, exec::ProcessRunner& runner,
                                 const LocalImageRequest& request);

// The distribution's compilers and build tools alone (the Dockerfile's `toolchain` stage), for
// `libcdiff env <distro>:<version> -- CMD`. Returns the image reference; throws an environment error
// (exit 3) naming the log when the stage does not build.
std::string build_toolchain_image(exec::ContainerSession& session, const targets::Target& target,
                                  const std::filesystem::path& repo_root, const std::filesystem::path& log);

struct DistroImageRequest {
  const targets::Target* target = nullptr;
  std::filesystem::path repo_root;
  std::filesystem::path log_dir;
  std::vector<std::string> areas;
  std::vector<std::string> bench_areas;
};
// Builds the build stage and the runtime image; the result lists the binaries that built (a failed
// area carries the build log's path, like a local build).
std::pair<TargetImage, BuildResult> build_distro_image(exec::ContainerSession& session,
                                                       const DistroImageRequest& request);

// The container one suite binary runs in. Paths are the same as on the host: the work directory
// (gtest JSON, HOME) is mounted read-write, a local image's build tree read-only. With `dns_lab`
// the container joins the lab's network namespace (the lab is PID 1 of it) and gets the lab's
// writable /etc files; otherwise it has no network at all.
struct SuiteContainerRequest {
  const TargetImage* image = nullptr;
  const targets::Target* target = nullptr;
  std::string name;
  std::filesystem::path host_build_dir;  // local images only
  std::filesystem::path work_dir;
  std::map<std::string, std::string> environment;
  std::filesystem::path dns_lab_dir;  // empty: no lab
  // How the container joins the lab's network: podman runs inside the lab and joins by path; docker
  // joins the holder container that owns the lab's namespace (suites/dns/lab/docker-holder.sh).
  std::string lab_network = "ns:/proc/1/ns/net";
  // Outside the lab: a directory holding the hosts and resolv.conf every container target sees
  // (write_container_etc), so neither engine's generated files (docker copies the host's
  // /etc/hosts) nor an image's leftovers reach the cases.
  std::filesystem::path etc_dir;
};
exec::ContainerSpec suite_container(const SuiteContainerRequest& request);

// Writes <dir>/hosts (localhost for IPv4 and IPv6) and <dir>/resolv.conf (a nameserver that is not
// there: containers have no network) for SuiteContainerRequest::etc_dir.
void write_container_etc(const std::filesystem::path& dir);

// The user id containers run as: not root, the same as the images' "libcdiff" user.
inline constexpr const char* kContainerUser = "1000:1000";

}  // namespace libcdiff::collect
