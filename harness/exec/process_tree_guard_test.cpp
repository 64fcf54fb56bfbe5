#include "exec/process_tree_guard.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "testing/temp_dir.hpp"
#include "util/file_text.hpp"
#include "util/text.hpp"

namespace libcdiff::exec {
namespace {

using libcdiff::testing::TempDir;

TEST(ProcessTreeGuard, FindsTheCgroup2MountInPureAndHybridLayouts) {
  EXPECT_EQ(cgroup2_mount("cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid 0 0\n"), "/sys/fs/cgroup");
  EXPECT_EQ(cgroup2_mount("tmpfs /sys/fs/cgroup tmpfs rw 0 0\ncgroup /sys/fs/cgroup/cpu cgroup rw,cpu 0 0\n"
                          "cgroup2 /sys/fs/cgroup/unified cgroup2 rw 0 0\n"),
            "/sys/fs/cgroup/unified");
  EXPECT_EQ(cgroup2_mount("proc /proc proc rw 0 0\n"), "");
}

TEST(ProcessTreeGuard, ReadsTheV2PathFromTheCgroupTable) {
  EXPECT_EQ(cgroup2_path("4:memory:/x\n0::/user.slice/session-1.scope\n"), "/user.slice/session-1.scope");
  EXPECT_EQ(cgroup2_path("0::/\n"), "/");
  EXPECT_EQ(cgroup2_path("4:memory:/x\n"), "/");
}

bool process_gone(pid_t pid) {
  // A zombie (state Z) waiting for a parent that does not reap it is as dead as a process gets.
  const std::string stat = util::read_text_if_present("/proc/" + std::to_string(pid) + "/stat");
  if (stat.empty()) return true;
  const auto close = stat.rfind(')');
  return close != std::string::npos && close + 2 < stat.size() && stat[close + 2] == 'Z';
}

TEST(ProcessTreeGuard, KillMinusNineOfTheGuardedProcessTakesAnEscapedGrandchildAlong) {
  TempDir dir;
  const auto pid_file = dir / "escaped.pid";
  const auto out_file = dir / "probe.out";
  const pid_t probe = ::fork();
  ASSERT_GE(probe, 0);
  if (probe == 0) {
    const std::string out = out_file.string();
    freopen(out.c_str(), "w", stdout);
    ::execl(LIBCDIFF_GUARD_PROBE, LIBCDIFF_GUARD_PROBE, pid_file.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  pid_t escaped = 0;
  for (int i = 0; i < 1000 && escaped == 0; ++i) {
    int status = 0;
    if (::waitpid(probe, &status, WNOHANG) == probe) {
      if (WIFEXITED(status) && WEXITSTATUS(status) == 77)
        GTEST_SKIP() << "no writable cgroup v2 here: " << util::read_text_if_present(out_file);
      FAIL() << "the probe ended early: " << util::read_text_if_present(out_file);
    }
    const std::string text = util::trim(util::read_text_if_present(pid_file));
    if (!text.empty()) escaped = std::stoi(text);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_GT(escaped, 0) << "the probe never started its grandchild";
  const std::filesystem::path cgroup = util::trim(util::read_text_if_present(out_file));
  ASSERT_TRUE(std::filesystem::exists(cgroup)) << cgroup;
  EXPECT_EQ(::getsid(escaped), escaped) << "the grandchild must really have left the probe's session";

  ::kill(probe, SIGKILL);
  ::waitpid(probe, nullptr, 0);
  bool gone = false;
  for (int i = 0; i < 500 && !gone; ++i) {
    gone = process_gone(escaped) && !std::filesystem::exists(cgroup);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!process_gone(escaped)) ::kill(escaped, SIGKILL);  // never leave it behind, even on failure
  EXPECT_TRUE(gone) << "pid " << escaped << " or " << cgroup << " outlived kill -9 of its guard";
}

}  // namespace
}  // namespace libcdiff::exec
