// The symbols a libc really exports, read from its shared objects with read_elf (never a hand-kept
// list): musl's single libc.so, or glibc's family of libraries with their GNU versions. `scan`
// checks every import of a binary against these.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "scan/elf_file.hpp"

namespace libcdiff::targets {
struct Target;
}

namespace libcdiff::scan {

struct ExportedVersion {
  std::string version;          // "GLIBC_2.34"; "" for musl, whose libc has no symbol versions
  std::string library;          // the file that exports it: "libc.so.6", "libm.so.6", "libc.so"
  bool default_version = true;  // false for a hidden compatibility version (name@VER)
  SymbolKind kind = SymbolKind::untyped;
};

struct LibcExports {
  std::string family;                          // musl | glibc
  std::string machine;                         // "x86_64": what the objects were built for
  std::vector<std::filesystem::path> objects;  // read from, in order
  // Every exported name with each version it is exported under (glibc often has several).
  std::map<std::string, std::vector<ExportedVersion>, std::less<>> symbols;

  bool exports(std::string_view name) const { return symbols.find(name) != symbols.end(); }
  // nullptr when the name is not exported.
  const std::vector<ExportedVersion>* find(std::string_view name) const;
};

// musl: its libc.so (which is also its dynamic loader). Throws ElfError when the file cannot be
// read, Fatal (exit 3) when it is not a musl libc.so.
LibcExports musl_exports(const std::filesystem::path& libc_so);

// glibc's own shared libraries (libc.so.6, libm.so.6, libpthread.so.0, libdl.so.2, librt.so.1,
// libresolv.so.2, libutil.so.1, libanl.so.1, libnsl.so.1, libmvec.so.1, libBrokenLocale.so.1,
// libc_malloc_debug.so.0 and the loader ld-linux-*.so.*) found in `lib_dir`, e.g.
// /lib/x86_64-linux-gnu. Throws Fatal (exit 3) when libc.so.6 is not there.
LibcExports glibc_exports(const std::filesystem::path& lib_dir);

// The global symbols a static archive defines, from its symbol index (read through libelf):
// glibc's libc_nonshared.a, linked statically into every glibc program (atexit, at_quick_exit,
// pthread_atfork, ...). Empty when the file does not exist; throws ElfError when it is not an archive.
std::set<std::string, std::less<>> archive_symbols(const std::filesystem::path& archive);

// Where glibc's libc_nonshared.a is for a lib_dir such as /lib/x86_64-linux-gnu (libc6-dev installs
// it under /usr/lib/<triplet>); "" when neither place has it.
std::filesystem::path glibc_nonshared_archive(const std::filesystem::path& lib_dir);

// Where setup put a musl target's libc.so: <cache>/musl-<release>/root/usr/lib/x86_64-linux-musl/
// libc.so for a release setup unpacks into the cache (targets/target.cpp lists it as a cache entry),
// else the host's installed musl, /lib/ld-musl-x86_64.so.1. Throws Fatal for a glibc target.
std::filesystem::path musl_libc_so(const targets::Target& target, const std::filesystem::path& cache_dir);

}  // namespace libcdiff::scan
