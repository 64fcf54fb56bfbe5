// stdio files: fopen modes and temporary names.
// References: musl src/stdio/__fmodeflags.c, src/stdio/tmpnam.c, include/stdio.h (TMP_MAX);
// glibc libio/fileops.c, stdio.h.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

std::string temp_path(const char* name) {
  return std::string("./libcdiff-") + name + "-" + std::to_string(getpid());
}

// Negative control: "e" (O_CLOEXEC) and "x" (O_EXCL) are honoured by both.
TEST(Stdio, FopenModeFlags) {
  const std::string path = temp_path("fopen");
  FILE* f = std::fopen(path.c_str(), "wxe");
  ASSERT_NE(f, nullptr) << "fopen wxe: " << std::strerror(errno);
  observe("cloexec_from_e", (fcntl(fileno(f), F_GETFD) & FD_CLOEXEC) ? "set" : "not set");
  std::fclose(f);
  errno = 0;
  FILE* again = std::fopen(path.c_str(), "wx");
  observe("second_wx_open", again == nullptr ? "NULL " + errno_name(errno) : "opened");
  if (again) std::fclose(again);
  FILE* append = std::fopen(path.c_str(), "a+");
  ASSERT_NE(append, nullptr);
  std::fputs("data", append);
  std::rewind(append);
  char buffer[8] = {};
  observe("a_plus_reads_from_start", std::fgets(buffer, sizeof buffer, append) ? buffer : "(nothing)");
  std::fclose(append);
  std::remove(path.c_str());
}

TEST(Stdio, TemporaryNameScheme) {
  char name[L_tmpnam];
  ASSERT_NE(std::tmpnam(name), nullptr);
  const std::string full(name);
  // Both libcs end the name with 6 random characters; the rest is the scheme.
  observe("tmpnam_without_random_suffix", full.size() > 6 ? full.substr(0, full.size() - 6) : full);
  observe("TMP_MAX", static_cast<long long>(TMP_MAX));
  observe("L_tmpnam", static_cast<long long>(L_tmpnam));
  EXPECT_EQ(std::string(name).rfind("/tmp/", 0), 0u);
}

}  // namespace
}  // namespace libcdiff::suite
