#include "common/case_marker.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace libcdiff::suite {
namespace {

class CaseMarker : public ::testing::EmptyTestEventListener {
 public:
  explicit CaseMarker(std::string path) : path_(std::move(path)) {}

  void OnTestStart(const ::testing::TestInfo& info) override {
    write_marker(std::string(info.test_suite_name()) + "." + info.name() + "\n");
  }
  void OnTestEnd(const ::testing::TestInfo&) override { write_marker(""); }

 private:
  // open/write/close rather than a stream: the bytes reach the kernel before the case runs, so a
  // crash in the case cannot lose them (no fsync needed: the machine does not go down, the process does).
  void write_marker(const std::string& text) const {
    const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return;  // the harness then falls back to the console
    const ssize_t written = ::write(fd, text.data(), text.size());
    (void)written;
    ::close(fd);
  }

  std::string path_;
};

}  // namespace

void install_case_marker() {
  const char* path = std::getenv("LIBCDIFF_CASE_MARKER");
  if (path == nullptr || *path == '\0') return;
  ::testing::UnitTest::GetInstance()->listeners().Append(new CaseMarker(path));  // gtest owns it
}

}  // namespace libcdiff::suite
