// What musl's small default thread stack means in practice: a thread that puts 512 KiB on its stack.
// Reference: musl wiki "Functional differences from glibc: Thread stack size".
#include <gtest/gtest.h>
#include <pthread.h>

#include <cstring>

#include "common/child_process.hpp"
#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

// noinline + volatile so the compiler can neither drop the buffer nor move it off the stack.
__attribute__((noinline)) int touch_large_stack_buffer() {
  volatile char buffer[512 * 1024];
  for (size_t i = 0; i < sizeof buffer; i += 4096) buffer[i] = static_cast<char>(i);
  return buffer[4096];
}

void* thread_body(void*) {
  touch_large_stack_buffer();
  return nullptr;
}

TEST(Threads, LargeStackBufferOnDefaultThread) {
  const std::string fate = run_in_child([] {
    pthread_t thread;
    if (pthread_create(&thread, nullptr, thread_body, nullptr) != 0) return 2;
    pthread_join(thread, nullptr);
    return 0;
  });
  observe("thread_with_512KiB_locals", fate);
  EXPECT_TRUE(fate == "exit 0" || fate.starts_with("signal")) << "child ended with " << fate;
}

TEST(Threads, ExplicitStackSizeIsHonoured) {
  // The fix for the case above works on both: ask for 1 MiB explicitly.
  const std::string fate = run_in_child([] {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 1024 * 1024);
    pthread_t thread;
    if (pthread_create(&thread, &attr, thread_body, nullptr) != 0) return 2;
    pthread_join(thread, nullptr);
    return 0;
  });
  observe("thread_with_1MiB_stack_and_512KiB_locals", fate);
  EXPECT_EQ(fate, "exit 0");
}

}  // namespace
}  // namespace libcdiff::suite
