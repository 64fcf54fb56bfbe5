#include "common/child_process.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace libcdiff::suite {
namespace {

std::string signal_name(int sig) {
  switch (sig) {
    case SIGSEGV:
      return "SIGSEGV";
    case SIGABRT:
      return "SIGABRT";
    case SIGBUS:
      return "SIGBUS";
    case SIGFPE:
      return "SIGFPE";
    case SIGILL:
      return "SIGILL";
    case SIGKILL:
      return "SIGKILL";
    case SIGTRAP:
      return "SIGTRAP";
    default:
      return std::to_string(sig);
  }
}

}  // namespace

std::string run_in_child(const std::function<int()>& body, std::string* stderr_text) {
  int pipe_fds[2] = {-1, -1};
  if (pipe(pipe_fds) != 0) return "pipe failed";
  std::fflush(nullptr);  // no buffered output may be written twice
  const pid_t pid = fork();
  if (pid < 0) return "fork failed";
  if (pid == 0) {
    close(pipe_fds[0]);
    dup2(pipe_fds[1], STDERR_FILENO);
    const int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) dup2(devnull, STDOUT_FILENO);
    const int code = body();
    std::fflush(nullptr);
    _exit(code);
  }
  close(pipe_fds[1]);
  std::string captured;
  char buffer[512];
  ssize_t n;
  while ((n = read(pipe_fds[0], buffer, sizeof buffer)) > 0) captured.append(buffer, static_cast<size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return "waitpid failed";
  if (stderr_text != nullptr) *stderr_text = captured;
  if (WIFSIGNALED(status)) return "signal " + signal_name(WTERMSIG(status));
  return "exit " + std::to_string(WEXITSTATUS(status));
}

}  // namespace libcdiff::suite
