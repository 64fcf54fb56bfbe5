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

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string temp = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = mkstemp(temp.data());
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
      const std::string reason = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      throw input_error(path.string(), "write failed (" + reason + ")",
                        "free disk space or choose another -o");
    }
    written += static_cast<size_t>(n);
  }
  ::fchmod(fd, 0644);
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
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
