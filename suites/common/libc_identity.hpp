// Which libc this suite binary is actually running on, read at run time rather than assumed from the
// build (DESIGN §3): a mislinked binary must show up in the run record, not hide behind a label.
#pragma once

#include <string>
#include <vector>

namespace libcdiff::suite {

struct LibcIdentity {
  std::string family;       // "glibc" or "musl" (musl is recognised by the absence of glibc's confstr)
  std::string version;      // glibc: gnu_get_libc_version(); musl: "" (the harness asks the loader)
  std::string path;         // the libc image mapped into this process; "" when linked statically
  std::string link_mode;    // "static" when the kernel started us without an interpreter
  std::string compiler;     // compiler identification string
  std::string cxx_library;  // "libc++ 160006" / "libstdc++ 20230528"
  long long thread_default_stack = -1;  // bytes, of a thread created with default attributes
};

LibcIdentity identify_libc();

// Records the identity as top-level properties ("libc.family", ...) of the gtest JSON.
void record_libc_identity();

}  // namespace libcdiff::suite
