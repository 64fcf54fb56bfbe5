#include "collect/elf_interpreter.hpp"

#include <elf.h>

#include <cstring>
#include <fstream>

#include "util/error.hpp"

namespace libcdiff::collect {

std::string elf_interpreter(const std::filesystem::path& executable) {
  std::ifstream in(executable, std::ios::binary);
  Elf64_Ehdr header{};
  if (!in.read(reinterpret_cast<char*>(&header), sizeof header) ||
      std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 || header.e_ident[EI_CLASS] != ELFCLASS64)
    throw input_error(executable.string(), "is not a 64-bit ELF executable", "rebuild the target's suites");
  for (int i = 0; i < header.e_phnum; ++i) {
    Elf64_Phdr segment{};
    in.seekg(static_cast<std::streamoff>(header.e_phoff + static_cast<Elf64_Off>(i) * header.e_phentsize));
    if (!in.read(reinterpret_cast<char*>(&segment), sizeof segment)) break;
    if (segment.p_type != PT_INTERP) continue;
    std::string path(segment.p_filesz, '\0');
    in.seekg(static_cast<std::streamoff>(segment.p_offset));
    if (!in.read(path.data(), static_cast<std::streamsize>(path.size())))
      throw input_error(executable.string(), "has a truncated PT_INTERP segment",
                        "rebuild the target's suites");
    return path.c_str();  // stored NUL-terminated
  }
  return "";
}

}  // namespace libcdiff::collect
