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
