// Nothing libcdiff starts may outlive it: not a hung suite, not the DNS lab, not a compiler, not a
// test helper that called setsid() to leave its process group, and not after `kill -9 libcdiff`,
// which no signal handler sees.
//
// How: at start-up libcdiff puts itself into a cgroup (v2) of its own, which every process it starts
// inherits and cannot leave by setsid() or double-forking. A small watchdog process, started before
// that and outside the cgroup, waits on a pipe whose only writer is libcdiff. However libcdiff ends,
// the kernel closes the pipe; the watchdog then kills every process left in the cgroup
// (cgroup.kill), waits until it is empty and removes it.
//
// Where no cgroup v2 hierarchy is writable (not root, no delegation) the guard is inactive and says
// why; process groups and the runner's watchdog still end what they started on a normal exit.
#pragma once

#include <filesystem>
#include <string>

namespace libcdiff::exec {

struct GuardStatus {
  bool active = false;
  std::filesystem::path cgroup;  // the run's cgroup when active
  std::string reason;            // why it is inactive
};

// Where cgroup v2 is mounted (pure v2 at /sys/fs/cgroup, hybrid at /sys/fs/cgroup/unified), read from
// a mounts table in /proc/self/mounts format; empty when there is none.
std::filesystem::path cgroup2_mount(const std::string& mounts_table);

// This process's cgroup v2 path ("0::/path" in a /proc/self/cgroup table), "/" when absent.
std::string cgroup2_path(const std::string& cgroup_table);

// Starts the watchdog and moves the calling process into a new cgroup below its current one. Call
// once, early in main(), before any thread is started (it forks).
GuardStatus guard_process_tree();

}  // namespace libcdiff::exec
