// ELF files `libcdiff scan` is pointed at: anything a user has (issue 13 item 7), read through libelf.
#include <span>

#include "scan/elf_file.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto info = libcdiff::scan::read_elf_bytes(
        std::span<const std::byte>(reinterpret_cast<const std::byte*>(data), size), "fuzz.elf");
    // What was read is rendered later: every name and string must be usable.
    std::size_t total = info.interpreter.size() + info.runpath.size() + info.soname.size();
    for (const auto& n : info.needed) total += n.size();
    for (const auto& s : info.imports) total += s.name.size() + s.version.size() + s.version_library.size();
    for (const auto& s : info.exports) total += s.name.size() + s.version.size();
    total += libcdiff::scan::to_string(info.language).size() + libcdiff::scan::to_string(info.libc).size() +
             libcdiff::scan::to_string(info.linkage).size() + info.machine.size();
    if (total == static_cast<std::size_t>(-1)) return 1;  // keeps the reads from being optimised away
  } catch (const libcdiff::Fatal&) {
  }
  return 0;
}
