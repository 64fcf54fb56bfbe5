#include "store/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "util/error.hpp"

namespace libcdiff::store {
namespace {

// A full disk is the machine's state, not bad input: exit 3 with what to do about it.
bool disk_full(int error) {
  return error == ENOSPC || error == EDQUOT;
}

Fatal disk_full_error(const std::filesystem::path& path) {
  return environment_error(path.string(),
                           "the file system is full (" + std::string(std::strerror(ENOSPC)) + ")",
                           "free disk space or choose another -o; results written before this are kept");
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string temp = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0 && disk_full(errno)) throw disk_full_error(path);
  if (fd < 0)
    throw input_error(
        path.string(),
        std::string("cannot create a file in ") + dir.string() + " (" + std::strerror(errno) + ")",
        "choose a writable output directory with -o");
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      const std::string reason = std::strerror(error);
      ::close(fd);
      ::unlink(temp.c_str());
      if (disk_full(error)) throw disk_full_error(path);
      throw input_error(path.string(), "write failed (" + reason + ")",
                        "free disk space or choose another -o");
    }
    written += static_cast<size_t>(n);
  }
  ::fchmod(fd, 0644);
  const bool synced = ::fsync(fd) == 0;
  const int sync_error = errno;
  ::close(fd);
  if (!synced && disk_full(sync_error)) {
    ::unlink(temp.c_str());
    throw disk_full_error(path);
  }
  if (!synced || ::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(temp.c_str());
    throw input_error(path.string(), "could not be replaced (" + reason + ")",
                      "check the directory's permissions");
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw input_error(path.string(), "cannot be read (" + std::string(std::strerror(errno)) + ")",
                      "check that the path exists and is readable");
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace libcdiff::store
