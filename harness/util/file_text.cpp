#include "util/file_text.hpp"

#include <fstream>
#include <sstream>

namespace libcdiff::util {

std::string read_text_if_present(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace libcdiff::util

namespace libcdiff::util {

bool cap_file(const std::filesystem::path& path, std::uintmax_t limit) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size <= limit) return false;
  const std::uintmax_t half = limit / 2;
  std::ifstream in(path, std::ios::binary);
  std::string head(half, '\0'), tail(half, '\0');
  in.read(head.data(), static_cast<std::streamsize>(half));
  in.seekg(static_cast<std::streamoff>(size - half));
  in.read(tail.data(), static_cast<std::streamsize>(half));
  if (!in) return false;
  const auto temp = path.string() + ".cap";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << head << "\n[libcdiff: " << (size - 2 * half) << " bytes cut; the file had " << size << "]\n"
        << tail;
    if (!out) {
      std::filesystem::remove(temp, ec);
      return false;
    }
  }
  std::filesystem::rename(temp, path, ec);
  return !ec;
}

}  // namespace libcdiff::util
