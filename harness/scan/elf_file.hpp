// What an ELF file is and what it asks of a libc, read through elfutils' libelf (DESIGN §10: ELF is
// never hand-parsed). `libcdiff scan` reads every file it is given with this: headers, the dynamic
// section, the dynamic symbol table with its GNU versions, the relocations that name symbols, and
// the markers that tell Go, Rust, C++ and C apart. Files are mapped (ELF_C_READ_MMAP), never read
// into memory, so a 4 GiB file costs only the pages libelf touches.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "util/error.hpp"

namespace libcdiff::scan {

// Bad input: not ELF, truncated, corrupt headers, unreadable. One line; the caller reports it and
// goes on with the next file. An ELF file for another architecture is *not* an error: it is read,
// and load_check gives it the verdict wrong-arch.
class ElfError : public Fatal {
 public:
  ElfError(std::string input, std::string reason, std::string remedy);
  // The problem alone ("is not an ELF file"), without the input or the remedy.
  const std::string& reason() const { return reason_; }

 private:
  std::string reason_;
};

enum class ElfClass { elf32, elf64 };
enum class ElfType { relocatable, executable, shared_object, core, other };
// dynamic: loaded by a dynamic loader (PT_INTERP, or a shared object); static_pie: relocates itself,
// no loader; static_exe: no dynamic section at all; none: an object file or core dump.
enum class Linkage { dynamic, static_pie, static_exe, none };
enum class Language { c, cxx, go, rust };
// The libc the file was linked against. none: it does not depend on one at load time (static, or
// Go without cgo); unknown: dynamic, but no libc marker (e.g. a loader that is neither glibc's nor
// musl's, or a shared object with no libc dependency).
enum class LinkedLibc { glibc, musl, none, unknown };
enum class SymbolKind { untyped, object, function, tls, ifunc, other };

struct ElfSymbol {
  std::string name;
  std::string version;          // GNU symbol version ("GLIBC_2.34"); "" when unversioned
  std::string version_library;  // imports: the file the version belongs to ("libc.so.6"), from .gnu.version_r
  SymbolKind kind = SymbolKind::untyped;
  bool weak = false;
  bool default_version = true;  // exports: false for a hidden, non-default version (name@VER)
  // How the dynamic relocations use the symbol. Dynamic loaders resolve relocations, not symbol-table
  // entries: an import no relocation names is never looked up, and a relocation against a symbol the
  // object defines itself is looked up too (in the global chain: another object may interpose).
  bool plt_relocation = false;   // a jump slot: needs a real definition
  bool data_relocation = false;  // any other symbolic relocation
  bool copy_relocation = false;  // data the executable holds a copy of (defined in its .bss)
  bool has_address = false;      // undefined but with a value: a non-PIE executable's canonical PLT entry
};

struct VersionNeed {
  std::string library;                // "libc.so.6"
  std::vector<std::string> versions;  // "GLIBC_2.2.5", "GLIBC_2.34", in file order
};

struct ElfInfo {
  std::string path;  // as given
  std::uint64_t file_size = 0;
  ElfClass elf_class = ElfClass::elf64;
  bool big_endian = false;
  std::uint16_t machine_code = 0;  // e_machine
  std::string machine;             // "x86_64", "aarch64", "i386", ... or "machine 183"
  ElfType type = ElfType::other;
  Linkage linkage = Linkage::none;
  bool pie = false;                 // a position-independent executable (ET_DYN with PT_INTERP or DF_1_PIE)
  std::string interpreter;          // PT_INTERP; "" when none
  std::vector<std::string> needed;  // DT_NEEDED, in order
  std::string runpath;              // DT_RUNPATH
  std::string rpath;                // DT_RPATH
  std::string soname;               // DT_SONAME
  std::vector<VersionNeed> version_needs;
  // Undefined dynamic symbols (and copy-relocated data), and defined ones: global, weak or unique
  // binding, with a value (or TLS), as both loaders consider them.
  std::vector<ElfSymbol> imports;
  std::vector<ElfSymbol> exports;
  bool has_dynamic_relocations = false;         // relocation sections against .dynsym were found
  std::vector<std::uint32_t> relocation_types;  // the distinct types of those relocations, sorted
  Language language = Language::c;
  std::string language_evidence;  // "section .note.go.buildid", "DT_NEEDED libstdc++.so.6", ...
  LinkedLibc libc = LinkedLibc::unknown;
  std::string libc_evidence;  // "PT_INTERP /lib64/ld-linux-x86-64.so.2", ...

  bool is_program() const { return type == ElfType::executable || pie; }
};

// Reads one file. Throws ElfError for anything that is not a readable, well-formed ELF file.
ElfInfo read_elf(const std::filesystem::path& path);
// The same from bytes already in memory (the fuzz target; images read from archives). `name` is
// what errors and ElfInfo::path call it.
ElfInfo read_elf_bytes(std::span<const std::byte> bytes, const std::string& name);

// A cheap test before read_elf when walking large trees: the first four bytes are \x7fELF.
bool has_elf_magic(const std::filesystem::path& path);

std::string to_string(ElfClass c);
std::string to_string(ElfType t);
std::string to_string(Linkage l);   // dynamic | static-pie | static | none
std::string to_string(Language l);  // c | c++ | go | rust
std::string to_string(LinkedLibc l);
std::string to_string(SymbolKind k);

}  // namespace libcdiff::scan
