// Process environment: CPU counts, sysconf limits, exec of scripts, variables the libc reads.
// References: musl src/conf/sysconf.c (NPROCESSORS from sched_getaffinity; ARG_MAX constant),
// musl src/process/execvp.c (no ENOEXEC retry), musl wiki "Environment variables",
// glibc sysdeps/unix/sysv/linux/getsysstats.c, glibc posix/execvpe.c; musl src/process/
// posix_spawn_file_actions_add*.c and glibc posix/spawn_valid_fd.c (the file-action fd checks).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <spawn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/child_process.hpp"
#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

TEST(Process, ProcessorCountUnderAffinity) {
  if (sysconf(_SC_NPROCESSORS_CONF) < 2)
    GTEST_SKIP() << "needs a machine with at least 2 CPUs to restrict affinity";
  const std::string fate = run_in_child([] {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    if (sched_setaffinity(0, sizeof one, &one) != 0) return 99;
    return static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN) * 10 + (sysconf(_SC_NPROCESSORS_CONF) > 1 ? 2 : 1));
  });
  ASSERT_TRUE(fate.starts_with("exit ")) << fate;
  const int code = std::stoi(fate.substr(5));
  ASSERT_NE(code, 99) << "sched_setaffinity failed";
  observe("nprocessors_onln_pinned_to_1_cpu", code / 10 > 1 ? "all online CPUs" : "1 (affinity)");
  observe("nprocessors_conf_pinned_to_1_cpu", code % 10 > 1 ? "all configured CPUs" : "1 (affinity)");
}

TEST(Process, SysconfLimits) {
  observe("ARG_MAX", static_cast<long long>(sysconf(_SC_ARG_MAX)));
  observe("HOST_NAME_MAX", static_cast<long long>(sysconf(_SC_HOST_NAME_MAX)));
  observe("SEM_NSEMS_MAX", static_cast<long long>(sysconf(_SC_SEM_NSEMS_MAX)));
  observe("PTHREAD_STACK_MIN", static_cast<long long>(PTHREAD_STACK_MIN));
  observe("OPEN_MAX_matches_rlimit", sysconf(_SC_OPEN_MAX) > 0 ? "positive" : "not positive");
  EXPECT_GT(sysconf(_SC_PAGESIZE), 0);
}

TEST(Process, ExecvpOfAScriptWithoutShebang) {
  char dir_template[] = "/tmp/libcdiff-exec-XXXXXX";
  ASSERT_NE(mkdtemp(dir_template), nullptr);
  const std::string dir = dir_template;
  const std::string script = dir + "/noshebang";
  FILE* f = std::fopen(script.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("exit 42\n", f);
  std::fclose(f);
  chmod(script.c_str(), 0755);
  const std::string fate = run_in_child([&] {
    setenv("PATH", dir.c_str(), 1);
    char name[] = "noshebang";
    char* argv[] = {name, nullptr};
    execvp(name, argv);
    return errno == ENOEXEC ? 60 : 61;
  });
  observe("execvp_script_without_shebang", fate == "exit 42"   ? "ran through /bin/sh"
                                           : fate == "exit 60" ? "failed ENOEXEC"
                                                               : fate);
  std::remove(script.c_str());
  rmdir(dir.c_str());
  EXPECT_NE(fate, "exit 61") << "execvp failed with an errno other than ENOEXEC";
}

// Does the dynamic loader act on LD_TRACE_LOADED_OBJECTS? glibc's ld.so lists dependencies and
// exits without running the program; musl's ignores the variable. The suite re-executes itself.
// Found by `libcdiff test` on GNU m4's gnulib tests (issue 14): test-posix_spawn_file_actions_addclose
// fails on musl. glibc refuses a descriptor at or above the open-file limit when the action is added;
// musl refuses only negative ones and lets the child's close() fail later.
TEST(Process, SpawnFileActionsFdAtTheLimit) {
  const long limit = sysconf(_SC_OPEN_MAX);
  ASSERT_GT(limit, 0);
  const int big = static_cast<int>(limit);
  const auto errname = [](int rc) {
    return rc == 0 ? std::string("0 (accepted)") : rc == EBADF ? std::string("EBADF") : std::to_string(rc);
  };
  posix_spawn_file_actions_t actions;
  ASSERT_EQ(posix_spawn_file_actions_init(&actions), 0);
  observe("addclose(OPEN_MAX)", errname(posix_spawn_file_actions_addclose(&actions, big)));
  observe("adddup2(0, OPEN_MAX)", errname(posix_spawn_file_actions_adddup2(&actions, 0, big)));
  observe("addopen(OPEN_MAX, /dev/null)",
          errname(posix_spawn_file_actions_addopen(&actions, big, "/dev/null", O_RDONLY, 0)));
  observe("addclose(-1)", errname(posix_spawn_file_actions_addclose(&actions, -1)));
  posix_spawn_file_actions_destroy(&actions);
}

TEST(Process, LdTraceLoadedObjects) {
  std::string output;
  const std::string fate = run_in_child(
      [] {
        setenv("LD_TRACE_LOADED_OBJECTS", "1", 1);
        dup2(STDERR_FILENO, STDOUT_FILENO);  // the pipe reaches the parent through stderr
        char self[] = "/proc/self/exe";
        char filter[] = "--gtest_filter=NoSuchCase.Nothing";
        char* argv[] = {self, filter, nullptr};
        execv(self, argv);
        return 70;
      },
      &output);
  const bool listed =
      output.find("=>") != std::string::npos || output.find("linux-vdso") != std::string::npos;
  const bool ran = output.find("Running 0 tests") != std::string::npos;
  observe("LD_TRACE_LOADED_OBJECTS=1", listed ? "dependencies listed, program not run"
                                       : ran  ? "ignored, program ran"
                                              : "other: " + fate);
  EXPECT_NE(fate, "exit 70") << "could not re-execute the suite";
}

}  // namespace
}  // namespace libcdiff::suite
