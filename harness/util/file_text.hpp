// Reading a whole file as text where a missing or unreadable file simply means "nothing there" (logs
// and optional outputs of child processes). Result files use store::read_file, which reports errors.
#pragma once

#include <filesystem>
#include <string>

namespace libcdiff::util {

std::string read_text_if_present(const std::filesystem::path& path);

}  // namespace libcdiff::util
