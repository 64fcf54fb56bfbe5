// One run's use of a container engine, from choosing the engine to leaving nothing behind.
// With podman everything lives in a private store under the run's state directory (its own
// --root/--runroot/--tmpdir, overlay storage where available, and a generated CONTAINERS_CONF
// with runc, cgroupfs and ulimits inside the hard limits: DESIGN §8, never an edit of /etc). The
// destructor removes every container and image the session made and the store itself, so a normal
// end, an exception and Ctrl-C (the run unwinds) all clean up.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "exec/container_engine.hpp"

namespace libcdiff::exec {

struct HardLimits {
  unsigned long long open_files = 0;  // ulimit -Hn
  unsigned long long processes = 0;   // min(ulimit -Hu, kernel.pid_max): podman and conmon run at pid_max
};

// Read from this process and <proc_root>/sys/kernel/pid_max.
HardLimits read_hard_limits(const std::filesystem::path& proc_root = "/proc");

// The containers.conf podman needs on this kind of machine (runtime runc, cgroupfs, ulimits no
// higher than the hard limits, events in a file instead of journald).
std::string containers_conf_text(const HardLimits& limits);

struct SessionOptions {
  std::string engine;  // "podman", "docker" or "" to detect (a reachable docker daemon first, then podman)
  std::filesystem::path state_dir;  // created; removed with everything in it at the end
  // podman refuses a --runroot longer than 50 characters, so it gets a fresh directory here
  // (mkdtemp) instead of under the state directory; removed at the end as well.
  std::filesystem::path short_dir_parent = "/tmp";
  std::map<std::string, std::string> environment;  // for the CLI: at least PATH
  HardLimits limits;
  // Not root: rootless podman would keep state in /tmp/podman-run-<uid> and
  // /tmp/containers-user-<uid>, which nothing removes; it gets XDG_RUNTIME_DIR in this run's run root.
  bool rootless = false;
};

class ContainerSession {
 public:
  // Throws an environment error (exit 3) naming the one missing piece when no engine can be used.
  ContainerSession(ProcessRunner& runner, SessionOptions options);
  ~ContainerSession();
  ContainerSession(const ContainerSession&) = delete;
  ContainerSession& operator=(const ContainerSession&) = delete;

  ContainerEngine& engine() { return *engine_; }
  // A container name unique to this run: "libcdiff-<run id>-<purpose>".
  std::string container_name(const std::string& purpose) const;
  // Images made or pulled for this run; removed at the end (docker has no private store).
  void track_image(const std::string& reference) { images_.insert(reference); }
  // Removes containers, images, the private store and any mount left under it. Idempotent.
  void close();

 private:
  ProcessRunner& runner_;
  SessionOptions options_;
  std::string run_id_;
  std::filesystem::path runroot_;  // podman only
  std::unique_ptr<ContainerEngine> engine_;
  std::set<std::string> images_;
  bool closed_ = false;
};

// Which engine `engine` ("" = detect) resolves to here, or the reason none can be used.
struct EngineProbe {
  bool usable = false;
  EngineKind kind = EngineKind::podman;
  std::string program;
  std::string reason;  // when not usable: what is missing and how to get it
};
EngineProbe probe_engine(ProcessRunner& runner, const std::string& engine,
                         const std::map<std::string, std::string>& environment);

}  // namespace libcdiff::exec
