// Will this binary load on musl? The answer musl's own dynamic loader would give, computed from the
// ELF files alone: DT_NEEDED resolved inside a root directory with musl's rules (reserved names,
// RUNPATH/RPATH with $ORIGIN, /etc/ld-musl-<arch>.path or its default path), then every symbol a
// dynamic relocation names looked up in the loaded objects and musl's libc.so. What is missing is
// grouped by cause against glibc's exports: fortify, glibc-private, GNU extension.
//
// The model follows musl 1.2.5's ldso/dynlink.c (load_library, load_direct_deps, find_sym2,
// do_relocs, get_lfs64); harness/scan/load_check_crosscheck_test.cpp holds it against the real
// loader (`libc.so --list BINARY`) on the binaries of this machine.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "scan/elf_file.hpp"
#include "scan/libc_exports.hpp"

namespace libcdiff::scan {

enum class Verdict {
  loads,          // every library found, every relocated symbol resolved
  needs_rebuild,  // a library, a symbol or a relocation type is missing: it will not start on musl
  not_dynamic,    // static, static-PIE, Go without cgo, an object file: it does not depend on the libc
  wrong_arch,     // built for another machine than the target libc
};

enum class MissingCause {
  fortify,        // __*_chk, __open*_2: _FORTIFY_SOURCE's checked variants (glibc only)
  glibc_private,  // glibc exports it, but as an implementation name: __libc_*, _dl_*, __nss_*, __*, _X*
  gnu_extension,  // glibc exports it under a public name musl does not have
  not_in_glibc,   // glibc does not export it either: it comes from a library (one that was not found)
  // The reverse direction (--to glibc, glibc_load_check.hpp):
  musl_only,        // musl exports it, glibc does not: the source uses an API glibc lacks
  not_in_musl,      // musl does not export it either: it comes from a library (missing or too old)
  missing_version,  // the library is there, without the version the binary was linked against
};

struct MissingSymbol {
  std::string name;
  std::string version;  // the version it was linked against ("GLIBC_2.34"), "" if none
  std::string object;   // the binary or library whose relocation needs it, named as musl names it
  MissingCause cause = MissingCause::gnu_extension;
};

struct MissingLibrary {
  std::string name;       // the DT_NEEDED entry
  std::string needed_by;  // the object that needs it
  std::string reason;     // "not found in /usr/lib/foo:/lib/x86_64-linux-musl", "is built for aarch64", ...
};

// A relocation type musl's loader does not implement, e.g. R_X86_64_IRELATIVE (37): glibc's IFUNCs.
// musl stops with "Error relocating X: unsupported relocation type 37".
struct UnsupportedRelocation {
  std::string object;
  std::uint32_t type = 0;
  std::string type_name;  // "R_X86_64_IRELATIVE", or "type 37"
};

// Each object musl's loader would load, in its order (the binary first).
struct LoadedObject {
  std::string name;       // the DT_NEEDED entry ("" for the binary itself)
  std::string path;       // as musl names it: the binary as given, a library as found ("/usr/lib/x.so")
  std::string needed_by;  // "" for the binary
  bool is_libc = false;   // resolved to musl's libc.so itself (a reserved name, or the loader's name)
};

// A versioned import musl resolves by name alone, where glibc exports several versions of it: the
// binary was bound to one of them (e.g. memcpy@GLIBC_2.14, not memcpy@GLIBC_2.2.5).
struct VersionNote {
  std::string name;
  std::string version;
  std::string object;
};

// A DT_VERNEED version the library it names does not define: glibc's loader refuses the program
// ("version `GLIBC_2.38' not found (required by X)"). musl ignores versions: only --to glibc.
struct MissingVersion {
  std::string library;  // the DT_VERNEED file ("libc.so.6")
  std::string version;
  std::string needed_by;
};

struct LoadReport {
  std::string path;
  Verdict verdict = Verdict::loads;
  std::string reason;  // one line for not-dynamic and wrong-arch
  // When the program asks the kernel for a loader that is not musl's (PT_INTERP
  // /lib64/ld-linux-x86-64.so.2): on a musl system it will not start that way.
  std::string interpreter_note;
  std::vector<LoadedObject> objects;
  std::vector<MissingLibrary> missing_libraries;
  std::vector<MissingSymbol> missing_symbols;  // by cause, then name, then object
  std::vector<UnsupportedRelocation> unsupported_relocations;
  std::vector<MissingVersion> missing_versions;
  // Versions the binary and its libraries require of the libc family (GLIBC_2.2.5, GLIBC_2.34, ...).
  // musl ignores symbol versions: a note, not a failure.
  std::vector<std::string> required_versions;
  std::vector<VersionNote> versioned_only;
};

struct LoadCheckOptions {
  std::filesystem::path root = "/";  // DT_NEEDED, RUNPATH and the path file are looked up inside it
};

// Checks binaries against one musl libc. Libraries read while resolving DT_NEEDED are kept, so a
// whole tree costs one read per library. check() is safe to call from several threads.
class LoadChecker {
 public:
  LoadChecker(LibcExports musl, LibcExports glibc, LoadCheckOptions options = {});
  ~LoadChecker();
  LoadChecker(const LoadChecker&) = delete;
  LoadChecker& operator=(const LoadChecker&) = delete;

  // `path_in_root` is where the binary sits inside options.root ("/usr/bin/prog"): $ORIGIN and the
  // names in the report use it. "" means binary.path (right for the root "/").
  LoadReport check(const ElfInfo& binary, const std::string& path_in_root = "");

  const LibcExports& musl() const { return musl_; }
  const LibcExports& glibc() const { return glibc_; }

 private:
  struct Library;  // a read library, or why it could not be read
  std::shared_ptr<const Library> library(const std::filesystem::path& host_path);
  std::string search_path(const ElfInfo& binary);

  LibcExports musl_;
  LibcExports glibc_;
  LoadCheckOptions options_;
  std::mutex mutex_;
  std::map<std::filesystem::path, std::shared_ptr<const Library>> libraries_;
  std::map<std::string, std::string> search_paths_;  // path file -> its contents ("" if unreadable)
  std::unordered_set<std::string> musl_names_;       // what musl's loader binds to in its libc.so
};

// The verdicts that need no loading: another machine (wrong-arch) or no dynamic loading at all
// (not-dynamic), with the reason. False when the binary is dynamic and for `machine`.
bool settle_without_loading(const ElfInfo& binary, const std::string& machine, LoadReport& report);

// Why glibc would have it and musl has not: by name, against glibc's exports.
MissingCause classify_missing(std::string_view name, const LibcExports& glibc);

// musl maps these DT_NEEDED names to its own libc.so (ldso/dynlink.c, load_library: "libc.",
// "libpthread.", "librt.", "libm.", "libdl.", "libutil.", "libxnet.").
bool is_musl_reserved_name(std::string_view needed);

// musl's LDSO_ARCH for a machine ("x86_64", "aarch64", "i386", "x32"); "" for ports not modelled.
std::string musl_ldso_arch(const std::string& machine);

std::string to_string(Verdict v);  // loads | needs-rebuild | not-dynamic | wrong-arch
// fortify | glibc-private | gnu-extension | not-in-glibc | musl-only | not-in-musl | missing-version
std::string to_string(MissingCause c);

}  // namespace libcdiff::scan
