// The only way the harness writes a result file: to a temporary file in the same directory, flushed,
// then renamed over the destination, so a reader (or a crash) never sees half a file.
#pragma once

#include <filesystem>
#include <string_view>

namespace libcdiff::store {

// Throws libcdiff::Fatal (exit 2) naming the path when the directory is not writable.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Reads a whole file; throws libcdiff::Fatal (exit 2) naming the path when it cannot.
std::string read_file(const std::filesystem::path& path);

}  // namespace libcdiff::store
