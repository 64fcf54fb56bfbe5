// The program interpreter (PT_INTERP) an ELF executable asks for: the dynamic loader the kernel
// maps. A local-image target puts its host twin's loader at that path inside the image, so the
// same binaries run unchanged.
#pragma once

#include <filesystem>
#include <string>

namespace libcdiff::collect {

// "" for a static executable; throws Fatal when the file is not a readable 64-bit ELF.
std::string elf_interpreter(const std::filesystem::path& executable);

}  // namespace libcdiff::collect
