// How a compile uses a local clang target's libc headers (issue 13, item 5): the flags the target's
// toolchain file (cmake/toolchains/clang-libcxx.cmake) gives clang-16, for a C or a C++ translation
// unit. `scan` recompiles a project's sources with them, syntax only.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace libcdiff::targets {
struct Target;
}

namespace libcdiff::scan {

enum class SourceLanguage { c, cxx };

struct TargetCompileFlags {
  std::string target;  // the target's id
  std::string c_compiler = "clang-16";
  std::string cxx_compiler = "clang++-16";
  std::vector<std::string> c;    // for C
  std::vector<std::string> cxx;  // for C++: c plus the C++ library's headers
  // What the flags need: the sysroot (musl) and the libc++ headers built for the libc.
  std::filesystem::path sysroot;  // empty: the host's own headers (glibc)
  std::filesystem::path cxx_headers;

  const std::string& compiler(SourceLanguage language) const {
    return language == SourceLanguage::cxx ? cxx_compiler : c_compiler;
  }
  const std::vector<std::string>& flags(SourceLanguage language) const {
    return language == SourceLanguage::cxx ? cxx : c;
  }
};

// musl targets: --target=x86_64-linux-musl --sysroot=<cache>/sysroot/musl-<release>
// --gcc-toolchain=/nonexistent, plus for C++ -nostdinc++ -isystem <cache>/runtimes/musl-<release>/
// include/c++/v1. The glibc target (clang-16 + libc++ on the host's glibc): the host's headers, plus
// for C++ the libc++ built for glibc. Throws Fatal (exit 2) for targets compiled by anything else.
TargetCompileFlags target_compile_flags(const targets::Target& target,
                                        const std::filesystem::path& cache_dir);

// Why these flags cannot compile `language` here ("" when they can): the missing setup piece.
std::string missing_compile_setup(const TargetCompileFlags& flags, SourceLanguage language);

}  // namespace libcdiff::scan
