#include "exec/process_tree_guard.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "util/file_text.hpp"
#include "util/text.hpp"

namespace libcdiff::exec {
namespace {

bool write_file(const std::filesystem::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  return ok;
}

bool cgroup_is_empty(const std::filesystem::path& cgroup) {
  return util::trim(util::read_text_if_present(cgroup / "cgroup.procs")).empty();
}

// The watchdog's whole life: wait until libcdiff is gone, then empty and remove its cgroup.
[[noreturn]] void watch(int pipe_read_end, const std::filesystem::path& cgroup) {
  // Its own session: Ctrl-C or a kill of libcdiff's process group must not take the watchdog along.
  ::setsid();
  ::prctl(PR_SET_NAME, "libcdiff-guard");  // what `ps` and `top` show for it
  ::signal(SIGINT, SIG_IGN);
  ::signal(SIGHUP, SIG_IGN);
  char byte;
  while (::read(pipe_read_end, &byte, 1) < 0 && errno == EINTR) {
  }
  // EOF: every copy of the write end is closed, so libcdiff has exited, however it ended.
  for (int i = 0; i < 500 && !cgroup_is_empty(cgroup); ++i) {
    write_file(cgroup / "cgroup.kill", "1");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::rmdir(cgroup.c_str());
  ::_exit(0);
}

}  // namespace

std::filesystem::path cgroup2_mount(const std::string& mounts_table) {
  std::istringstream lines(mounts_table);
  std::string device, mount_point, type;
  std::string rest;
  while (lines >> device >> mount_point >> type) {
    std::getline(lines, rest);
    if (type == "cgroup2") return mount_point;
  }
  return {};
}

std::string cgroup2_path(const std::string& cgroup_table) {
  std::istringstream lines(cgroup_table);
  std::string line;
  while (std::getline(lines, line))
    if (line.starts_with("0::")) return line.substr(3).empty() ? "/" : line.substr(3);
  return "/";
}

GuardStatus guard_process_tree() {
  GuardStatus status;
  const auto mount = cgroup2_mount(util::read_text_if_present("/proc/self/mounts"));
  if (mount.empty()) {
    status.reason = "no cgroup v2 hierarchy is mounted";
    return status;
  }
  const std::string current = cgroup2_path(util::read_text_if_present("/proc/self/cgroup"));
  const auto cgroup =
      mount / std::filesystem::path(current).relative_path() / ("libcdiff-" + std::to_string(::getpid()));
  if (::mkdir(cgroup.c_str(), 0755) != 0) {
    status.reason = "cannot create " + cgroup.string() + " (" + std::strerror(errno) + ")";
    return status;
  }
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    status.reason = std::string("pipe: ") + std::strerror(errno);
    ::rmdir(cgroup.c_str());
    return status;
  }
  const pid_t watchdog = ::fork();
  if (watchdog < 0) {
    status.reason = std::string("fork: ") + std::strerror(errno);
    ::close(fds[0]);
    ::close(fds[1]);
    ::rmdir(cgroup.c_str());
    return status;
  }
  if (watchdog == 0) {
    ::close(fds[1]);
    watch(fds[0], cgroup);
  }
  ::close(fds[0]);
  // fds[1] stays open for libcdiff's whole life (O_CLOEXEC: no child inherits it past exec).
  if (!write_file(cgroup / "cgroup.procs", std::to_string(::getpid()))) {
    status.reason = "cannot move into " + cgroup.string() + " (" + std::strerror(errno) + ")";
    ::close(fds[1]);  // the watchdog sees EOF and removes the empty cgroup
    return status;
  }
  status.active = true;
  status.cgroup = cgroup;
  return status;
}

}  // namespace libcdiff::exec
