#include "store/atomic_stream.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "util/error.hpp"

namespace libcdiff::store {

AtomicStream::AtomicStream(std::filesystem::path path) : path_(std::move(path)) {
  const std::filesystem::path dir =
      path_.has_parent_path() ? path_.parent_path() : std::filesystem::path(".");
  temporary_ = (dir / ("." + path_.filename().string() + ".XXXXXX")).string();
  fd_ = mkstemp(temporary_.data());
  if (fd_ < 0) {
    const int error = errno;
    temporary_.clear();
    fail(error, "cannot create a file in " + dir.string());
  }
  buffer_.reserve(kBufferBytes + 4096);
}

AtomicStream::~AtomicStream() {
  if (fd_ >= 0) ::close(fd_);
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

void AtomicStream::fail(int error, const std::string& what) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  temporary_.clear();
  if (error == ENOSPC || error == EDQUOT)
    throw environment_error(path_.string(), what + " (" + std::strerror(error) + ")",
                            "free disk space or choose another -o; results written before this are kept");
  throw input_error(path_.string(), what + " (" + std::strerror(error) + ")",
                    "choose a writable output directory with -o");
}

void AtomicStream::flush() {
  if (fd_ < 0)
    throw input_error(path_.string(), "was written after it was committed", "report this as a bug");
  std::size_t written = 0;
  while (written < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + written, buffer_.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(errno, "write failed");
    }
    written += static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

void AtomicStream::commit() {
  flush();
  ::fchmod(fd_, 0644);
  if (::fsync(fd_) != 0) fail(errno, "could not be synced");
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(errno, "could not be closed");
  if (::rename(temporary_.c_str(), path_.c_str()) != 0) fail(errno, "could not be replaced");
  temporary_.clear();
}

}  // namespace libcdiff::store
