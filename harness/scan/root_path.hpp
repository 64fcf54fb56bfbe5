// Looking a path up inside a root filesystem directory (an unpacked image, a mounted disk) the way a
// process chrooted there would: absolute symlinks point back into the root and ".." stops at it, so
// nothing outside the root is ever reached. With the root "/" this is the host's own lookup.
#pragma once

#include <filesystem>
#include <string_view>

namespace libcdiff::scan {

enum class RootLookupStatus {
  found,   // the path exists (after symlinks) and can be opened for reading
  absent,  // ENOENT, ENOTDIR, EACCES or ENAMETOOLONG: a search would go on with its next directory
  failed,  // anything else, e.g. a symlink loop (ELOOP): musl's path search stops there
};

struct RootLookup {
  RootLookupStatus status = RootLookupStatus::absent;
  std::filesystem::path host_path;  // where the file is on this machine, when found
  int error = 0;                    // the errno, when not found
};

// `path` is absolute inside the root ("/usr/lib/libz.so.1"); a relative one is taken from the root.
RootLookup lookup_in_root(const std::filesystem::path& root, std::string_view path);

}  // namespace libcdiff::scan
