// Thread stacks: musl's default thread stack is 128 KiB (DEFAULT_STACK_SIZE in
// src/internal/pthread_impl.h, since 1.1.21; 80 KiB before), glibc's follows RLIMIT_STACK (8 MiB
// on Debian). Code that recurses deeply or keeps large buffers on a thread's stack overflows on musl.
// Reference: musl wiki "Functional differences from glibc: Thread stack size".
#include <gtest/gtest.h>
#include <pthread.h>

#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

void* stack_size_of_self(void* out) {
  pthread_attr_t attr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstacksize(&attr, &size);
    pthread_attr_destroy(&attr);
  }
  *static_cast<size_t*>(out) = size;
  return nullptr;
}

// Sizes are reported in coarse classes: the exact byte count includes guard and TLS and varies.
std::string size_class(size_t bytes) {
  if (bytes == 0) return "unknown";
  if (bytes < 512 * 1024) return "< 512 KiB";
  if (bytes < 4 * 1024 * 1024) return "512 KiB - 4 MiB";
  return ">= 4 MiB";
}

TEST(Threads, DefaultStackSize) {
  size_t size = 0;
  pthread_t thread;
  ASSERT_EQ(pthread_create(&thread, nullptr, stack_size_of_self, &size), 0);
  ASSERT_EQ(pthread_join(thread, nullptr), 0);
  ASSERT_GT(size, 0u) << "pthread_getattr_np reported no stack size";
  observe("default_stack_class", size_class(size));
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  size_t attr_default = 0;
  pthread_attr_getstacksize(&attr, &attr_default);
  pthread_attr_destroy(&attr);
  observe("pthread_attr_init_stacksize_class", size_class(attr_default));
}

}  // namespace
}  // namespace libcdiff::suite
