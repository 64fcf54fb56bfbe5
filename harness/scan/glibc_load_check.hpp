// Will this binary load on glibc? The reverse direction of load_check (`scan --to glibc`): a musl
// binary, or a glibc binary built against a newer glibc, checked against the glibc this machine
// has. The model follows glibc 2.36's elf/dl-load.c and dl-lookup.c, as far as the ELF files tell:
//   - DT_NEEDED: a name with '/' as is; else DT_RPATH of the object and its loaders (only when the
//     object has no DT_RUNPATH), the object's DT_RUNPATH, the directories /etc/ld.so.conf names
//     (what ld.so.cache is built from), then the system directories (`ld.so --help`: on Debian
//     /lib/<triplet>, /usr/lib/<triplet>, /lib, /usr/lib). glibc's own sonames bind to the target
//     glibc; musl's libc ("libc.so", /lib/ld-musl-*.so.1) is not a library glibc can load.
//   - symbol versions: every DT_VERNEED version must be defined by the library it names
//     ("version `GLIBC_2.38' not found"), and a versioned import binds only to that version;
//   - every relocated import must be defined by a loaded object (an undefined weak one may stay
//     unresolved).
// A musl binary must be rebuilt for glibc in any case; its imports are then checked as if relinked
// against the whole glibc family and libc_nonshared.a, so what remains is what its source uses
// that glibc does not have (strlcpy before 2.38, issetugid, fgetln, ...). glibc-hwcaps
// subdirectories and LD_LIBRARY_PATH are not modelled. load_check_crosscheck_test.cpp holds this
// against glibc's loader on programs of the next Debian release.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "scan/elf_file.hpp"
#include "scan/libc_exports.hpp"
#include "scan/load_check.hpp"

namespace libcdiff::scan {

class GlibcLoadChecker {
 public:
  // `nonshared`: what glibc's libc_nonshared.a defines (atexit, at_quick_exit, ...): a relinked
  // program gets them statically.
  GlibcLoadChecker(LibcExports glibc, LibcExports musl, std::set<std::string, std::less<>> nonshared,
                   LoadCheckOptions options = {});
  ~GlibcLoadChecker();
  GlibcLoadChecker(const GlibcLoadChecker&) = delete;
  GlibcLoadChecker& operator=(const GlibcLoadChecker&) = delete;

  // As LoadChecker::check. Safe to call from several threads.
  LoadReport check(const ElfInfo& binary, const std::string& path_in_root = "");

 private:
  struct Library;
  std::shared_ptr<const Library> library(const std::filesystem::path& host_path);
  const std::vector<std::string>& configured_dirs();

  LibcExports glibc_;
  LibcExports musl_;
  std::set<std::string, std::less<>> nonshared_;
  LoadCheckOptions options_;
  std::set<std::string, std::less<>> family_files_;  // "libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2"
  std::mutex mutex_;
  std::map<std::filesystem::path, std::shared_ptr<const Library>> libraries_;
  std::unique_ptr<std::vector<std::string>> configured_;  // /etc/ld.so.conf's directories, read once
};

// The directories an ld.so.conf names, in order, following `include` globs, inside `root`.
std::vector<std::string> ld_so_conf_dirs(const std::filesystem::path& root,
                                         const std::string& file = "/etc/ld.so.conf");

// glibc's system search path on Debian for a machine ("x86_64" -> /lib/x86_64-linux-gnu,
// /usr/lib/x86_64-linux-gnu, /lib, /usr/lib).
std::vector<std::string> glibc_system_dirs(const std::string& machine);

}  // namespace libcdiff::scan
