// Thread names and cancellation.
// References: musl WHATSNEW 1.2.3 (pthread_getname_np), musl wiki "Thread cancellation"
// (no unwinding: C++ destructors do not run on musl), glibc nptl/unwind.c (forced unwind).
#include <gtest/gtest.h>
#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/child_process.hpp"
#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

TEST(Threads, SetnameLengthLimit) {
  const int too_long = pthread_setname_np(pthread_self(), "a-name-of-19-chars!");
  observe("setname_19_chars", errno_name(too_long));
  const int fits = pthread_setname_np(pthread_self(), "fifteen-chars!!");
  observe("setname_15_chars", errno_name(fits));
  char name[32] = {};
  ASSERT_EQ(pthread_getname_np(pthread_self(), name, sizeof name), 0);
  observe("getname", name);
  EXPECT_EQ(fits, 0);
}

struct Guard {
  int fd;
  ~Guard() {
    const char byte = 'd';
    (void)!write(fd, &byte, 1);  // report that the destructor ran
  }
};

int blocking_fds[2];
int report_fds[2];

void* cancellable(void*) {
  Guard guard{report_fds[1]};
  char byte;
  (void)!read(blocking_fds[0], &byte, 1);  // a cancellation point; blocks until cancelled
  return nullptr;
}

TEST(Threads, CancelRunsCxxDestructors) {
  // In a child: on glibc the forced unwind may abort or run destructors depending on the unwinder.
  std::string destructor;
  const std::string fate = run_in_child([] {
    if (pipe(blocking_fds) != 0 || pipe(report_fds) != 0) return 2;
    pthread_t thread;
    pthread_create(&thread, nullptr, cancellable, nullptr);
    usleep(50 * 1000);
    pthread_cancel(thread);
    pthread_join(thread, nullptr);
    close(report_fds[1]);
    char byte = 0;
    const bool ran = read(report_fds[0], &byte, 1) == 1;
    return ran ? 10 : 11;
  });
  observe("child", fate);
  observe("destructor_ran_on_cancel", fate == "exit 10" ? "yes" : fate == "exit 11" ? "no" : "child died");
  EXPECT_NE(fate, "exit 2") << "could not set up pipes";
}

}  // namespace
}  // namespace libcdiff::suite
