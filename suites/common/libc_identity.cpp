#include "common/libc_identity.hpp"

#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/auxv.h>
#include <unistd.h>

#include <fstream>
#include <string_view>

namespace libcdiff::suite {
namespace {

std::string glibc_version() {
  char buffer[64] = {};
  // musl has no _CS_GNU_LIBC_VERSION value and fails with EINVAL; glibc answers "glibc 2.36".
  if (confstr(_CS_GNU_LIBC_VERSION, buffer, sizeof buffer) == 0) return "";
  std::string_view text(buffer);
  const auto space = text.find(' ');
  return std::string(space == std::string_view::npos ? text : text.substr(space + 1));
}

// The mapped file that provides the C library: glibc's libc.so.6, or musl's loader (which is libc.so).
std::string mapped_libc_path() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    const auto slash = line.find('/');
    if (slash == std::string::npos) continue;
    const std::string path = line.substr(slash);
    const std::string_view name = std::string_view(path).substr(path.rfind('/') + 1);
    if (name.starts_with("libc.so") || name.starts_with("libc-") || name.starts_with("ld-musl")) return path;
  }
  return "";
}

void* report_stack_size(void* out) {
  pthread_attr_t attr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstacksize(&attr, &size);
    pthread_attr_destroy(&attr);
  }
  *static_cast<long long*>(out) = static_cast<long long>(size);
  return nullptr;
}

long long default_thread_stack() {
  long long size = -1;
  pthread_t thread;
  if (pthread_create(&thread, nullptr, report_stack_size, &size) != 0) return -1;
  pthread_join(thread, nullptr);
  return size;
}

std::string compiler_id() {
#if defined(__clang__)
  return std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
  return std::string("gcc ") + __VERSION__;
#else
  return "unknown";
#endif
}

std::string cxx_library_id() {
#if defined(_LIBCPP_VERSION)
  return "libc++ " + std::to_string(_LIBCPP_VERSION);
#elif defined(__GLIBCXX__)
  return "libstdc++ " + std::to_string(_GLIBCXX_RELEASE) + " (" + std::to_string(__GLIBCXX__) + ")";
#else
  return "unknown";
#endif
}

}  // namespace

LibcIdentity identify_libc() {
  LibcIdentity id;
  id.version = glibc_version();
  id.family = id.version.empty() ? "musl" : "glibc";
  id.path = mapped_libc_path();
  id.link_mode = getauxval(AT_BASE) == 0 ? "static" : "dynamic";
  id.compiler = compiler_id();
  id.cxx_library = cxx_library_id();
  id.thread_default_stack = default_thread_stack();
  return id;
}

void record_libc_identity() {
  const LibcIdentity id = identify_libc();
  using ::testing::Test;
  Test::RecordProperty("libc.family", id.family);
  Test::RecordProperty("libc.version", id.version);
  Test::RecordProperty("libc.path", id.path);
  Test::RecordProperty("libc.link_mode", id.link_mode);
  Test::RecordProperty("toolchain.compiler", id.compiler);
  Test::RecordProperty("toolchain.cxx_library", id.cxx_library);
  Test::RecordProperty("threads.default_stack_bytes", std::to_string(id.thread_default_stack));
}

}  // namespace libcdiff::suite
