// The container engine (DESIGN §8): the `podman` or `docker` CLI driven through the ProcessRunner
// with argument vectors, never a shell string. It only builds command lines and runs them; where
// the engine keeps its state (a private podman store per run) is decided by ContainerSession.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "exec/process_runner.hpp"

namespace libcdiff::exec {

enum class EngineKind { podman, docker };
std::string engine_name(EngineKind kind);

struct EngineConfig {
  EngineKind kind = EngineKind::podman;
  std::filesystem::path program;  // the CLI, e.g. "podman" (looked up in PATH) or an absolute path
  // podman only: flags that put every image, container and lock of this run in a private store.
  std::vector<std::string> global_args;
  // The CLI's own environment (PATH, CONTAINERS_CONF, DOCKER_HOST, ...).
  std::map<std::string, std::string> environment;
  std::filesystem::path scratch_dir;  // where command output is captured; must exist
};

struct BindMount {
  std::filesystem::path source;
  std::filesystem::path target;
  bool read_only = true;
};

struct ContainerSpec {
  std::string image;
  std::string name;  // every container is named, so it can be removed on any exit path
  std::string user;  // "1000:1000"; empty: the image's default user
  // "none" (the default: cases must not depend on the network), or "ns:PATH" to join a network
  // namespace (the DNS lab; podman only).
  std::string network = "none";
  std::vector<BindMount> mounts;
  std::map<std::string, std::string> environment;
  std::vector<std::string> inherited_environment;  // names passed with their value from the CLI's environment
  std::filesystem::path working_dir;
  std::string memory = "4g";
  int pids_limit = 4096;
  std::vector<std::string> command;  // program and arguments inside the container
};

class ContainerEngine {
 public:
  ContainerEngine(ProcessRunner& runner, EngineConfig config);

  EngineKind kind() const { return config_.kind; }
  const EngineConfig& config() const { return config_; }
  // Joining another network namespace by path: podman's `--network ns:PATH`; docker has no such mode.
  bool can_join_network_namespace() const { return config_.kind == EngineKind::podman; }

  // The full command line of `run` (program first), removed when it ends (--rm).
  std::vector<std::string> run_command_line(const ContainerSpec& spec) const;
  // The environment to start any command line of this engine with.
  const std::map<std::string, std::string>& client_environment() const { return config_.environment; }

  ProcessResult run(const ContainerSpec& spec, const std::filesystem::path& output,
                    std::chrono::milliseconds timeout);
  // Runs a container and returns what it printed on stdout, or nullopt when it failed.
  std::optional<std::string> run_capture(const ContainerSpec& spec,
                                         std::chrono::milliseconds timeout = std::chrono::minutes(2));
  // Removes the named container if it exists (killed first): safe to call on every exit path.
  void remove_container(const std::string& name);

  bool image_exists(const std::string& reference);
  // "" on success, else the engine's first error line.
  std::string pull(const std::string& reference, std::chrono::milliseconds timeout);
  // Imports a root file system tarball as an image; throws Fatal with the engine's message.
  void import_rootfs(const std::filesystem::path& tarball, const std::string& reference);
  struct BuildRequest {
    std::filesystem::path dockerfile;
    std::filesystem::path context;
    std::map<std::string, std::string> build_args;
    std::string target_stage;  // empty: the last stage
    std::string tag;
    std::filesystem::path log;
    bool host_network = true;  // build stages install packages; the run stage never gets a network
    std::chrono::milliseconds timeout{std::chrono::minutes(60)};
  };
  ProcessResult build(const BuildRequest& request);
  std::optional<std::uint64_t> image_size(const std::string& reference);
  void remove_image(const std::string& reference);
  // The text a command printed on stdout, or nullopt when it failed.
  std::optional<std::string> capture(const std::vector<std::string>& args,
                                     std::chrono::milliseconds timeout = std::chrono::seconds(60),
                                     bool survives_interrupt = false);

 private:
  ProcessSpec spec_for(const std::vector<std::string>& args) const;

  ProcessRunner& runner_;
  EngineConfig config_;
  int capture_counter_ = 0;
};

// The first line of a command's error output that says something ("Error: ..."), for one-line messages.
std::string first_error_line(const std::string& text);

}  // namespace libcdiff::exec
