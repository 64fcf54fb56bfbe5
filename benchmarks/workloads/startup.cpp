// Start-up of a real C++ program: this benchmark binary spawns itself with the start-up probe argument,
// which common/main.cpp answers by returning before Google Benchmark initialises. The child pays for
// exec, the dynamic loader (or static start-up on musl-static), libc initialisation, every static
// constructor of libc++, Google Benchmark and these workloads, and exit with its destructors.
#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "common/count_mode.hpp"

#include <algorithm>
#include <cstdint>

extern char** environ;

namespace {

void BM_workload_startup_self(benchmark::State& state) {
  char self[PATH_MAX];
  const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
  if (length <= 0) {
    state.SkipWithError("cannot read /proc/self/exe");
    return;
  }
  self[length] = '\0';
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  char probe[] = LIBCDIFF_STARTUP_PROBE_FLAG;
  char* argv[] = {self, probe, nullptr};
  double child_cpu_us = 0, child_faults = 0;
  for (auto _ : state) {
    pid_t pid;
    if (posix_spawn(&pid, self, &actions, nullptr, argv, environ) != 0) {
      state.SkipWithError("posix_spawn of /proc/self/exe failed");
      break;
    }
    int status = 0;
    rusage child{};
    if (wait4(pid, &status, 0, &child) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      state.SkipWithError("the start-up probe did not exit with status 0");
      break;
    }
    child_cpu_us += static_cast<double>(child.ru_utime.tv_sec + child.ru_stime.tv_sec) * 1e6 +
                    static_cast<double>(child.ru_utime.tv_usec + child.ru_stime.tv_usec);
    child_faults += static_cast<double>(child.ru_minflt);
  }
  posix_spawn_file_actions_destroy(&actions);
  // The child's own CPU time and page faults (wait4's rusage): its start-up cost without the parent's
  // fork/exec/wait bookkeeping and less sensitive to a busy host than the wall clock.
  const double runs = static_cast<double>(std::max<int64_t>(1, state.iterations()));
  state.counters["child_cpu_us"] = child_cpu_us / runs;
  state.counters["child_page_faults"] = child_faults / runs;
  state.SetLabel(self);
}
LIBCDIFF_BENCHMARK(BM_workload_startup_self)->UseRealTime()->Unit(benchmark::kMicrosecond);

}  // namespace
