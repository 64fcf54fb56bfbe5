// Reading a whole file as text where a missing or unreadable file simply means "nothing there" (logs
// and optional outputs of child processes). Result files use store::read_file, which reports errors.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace libcdiff::util {

std::string read_text_if_present(const std::filesystem::path& path);

// Bounds a log a child process wrote: a file larger than `limit` bytes keeps its first and last
// limit/2 bytes with a line "[libcdiff: N bytes cut; the file had M]" between them (the head has the
// set-up, the tail what happened last). Returns whether it cut anything.
bool cap_file(const std::filesystem::path& path, std::uintmax_t limit);

}  // namespace libcdiff::util
