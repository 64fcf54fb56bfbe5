// What `libcdiff scan PATH...` looks at (issue 13, item 1): ELF files, directories (recursive, never
// following directory symlinks), a root filesystem directory, an image archive (`docker save`
// tarball, OCI layout, or a plain root filesystem tarball) and an image reference through the
// container engine. Every input becomes a set of files inside a root, the root being where DT_NEEDED
// names are resolved ("/" for loose files, the unpacked image for images).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "exec/process_runner.hpp"

namespace libcdiff::scan {

struct ScanInput {
  std::string label;                         // what the user named
  std::filesystem::path root;                // where libraries are looked up
  std::vector<std::filesystem::path> files;  // candidate files (ELF or not: the reader decides)
  bool image = false;                        // unpacked from an archive or an engine
};

struct InputOptions {
  std::filesystem::path scratch;  // where archives are unpacked (removed by the caller)
  std::string engine = "podman";  // for image references
  std::uintmax_t max_file_bytes = std::uintmax_t{1} << 30;  // larger files are listed as problems
};

// Problems (a missing path, an unreadable directory, a symlink loop, an archive tar refuses) are
// appended as one line each; the other inputs go on.
std::vector<ScanInput> collect_inputs(const std::vector<std::string>& paths, exec::ProcessRunner& runner,
                                      const InputOptions& options, std::vector<std::string>& problems);

// Image layers: unpack `layer` (a tar, compressed or not) over `root`, applying OCI whiteouts
// (".wh.<name>" deletes <name>, ".wh..wh..opq" empties its directory).
bool apply_layer(exec::ProcessRunner& runner, const std::filesystem::path& layer,
                 const std::filesystem::path& root, std::string& problem);

}  // namespace libcdiff::scan
