#include "scan/elf_file.hpp"

#include <elf.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <map>
#include <set>
#include <string_view>

namespace libcdiff::scan {
namespace {

constexpr const char* kDamaged = "the file is damaged or incomplete; it is skipped";

// libelf must be told which ELF version its caller speaks before any other call. A function-local
// static makes that once and thread-safe, without a global.
bool libelf_ready() {
  static const bool ready = elf_version(EV_CURRENT) != EV_NONE;
  return ready;
}

std::string libelf_message() {
  const char* m = elf_errmsg(elf_errno());
  return m == nullptr ? "unknown libelf error" : m;
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

class ElfHandle {
 public:
  explicit ElfHandle(Elf* elf) : elf_(elf) {}
  ~ElfHandle() {
    if (elf_ != nullptr) elf_end(elf_);
  }
  ElfHandle(const ElfHandle&) = delete;
  ElfHandle& operator=(const ElfHandle&) = delete;
  Elf* get() const { return elf_; }

 private:
  Elf* elf_;
};

std::string machine_name(std::uint16_t machine, bool is64) {
  switch (machine) {
    case EM_X86_64:
      return is64 ? "x86_64" : "x32";
    case EM_386:
      return "i386";
    case EM_AARCH64:
      return "aarch64";
    case EM_ARM:
      return "arm";
    case EM_RISCV:
      return is64 ? "riscv64" : "riscv32";
    case EM_PPC64:
      return "ppc64";
    case EM_PPC:
      return "ppc";
    case EM_S390:
      return is64 ? "s390x" : "s390";
    case EM_MIPS:
      return is64 ? "mips64" : "mips";
    case EM_SPARCV9:
      return "sparc64";
    case EM_LOONGARCH:
      return "loongarch64";
    default:
      return "machine " + std::to_string(machine);
  }
}

// The jump-slot and copy relocation types of the architectures musl and glibc both support; other
// symbolic relocations need a definition or a canonical PLT address (see ElfSymbol).
struct RelocationTypes {
  std::uint32_t jump_slot = UINT32_MAX;
  std::uint32_t copy = UINT32_MAX;
};

RelocationTypes relocation_types(std::uint16_t machine) {
  switch (machine) {
    case EM_X86_64:
      return {R_X86_64_JUMP_SLOT, R_X86_64_COPY};
    case EM_386:
      return {R_386_JMP_SLOT, R_386_COPY};
    case EM_AARCH64:
      return {R_AARCH64_JUMP_SLOT, R_AARCH64_COPY};
    case EM_ARM:
      return {R_ARM_JUMP_SLOT, R_ARM_COPY};
    case EM_RISCV:
      return {R_RISCV_JUMP_SLOT, R_RISCV_COPY};
    default:
      return {};
  }
}

SymbolKind symbol_kind(unsigned type) {
  switch (type) {
    case STT_NOTYPE:
      return SymbolKind::untyped;
    case STT_OBJECT:
    case STT_COMMON:
      return SymbolKind::object;
    case STT_FUNC:
      return SymbolKind::function;
    case STT_TLS:
      return SymbolKind::tls;
    case STT_GNU_IFUNC:
      return SymbolKind::ifunc;
    default:
      return SymbolKind::other;
  }
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string basename_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

enum RelocationUse : std::uint8_t { use_plt = 1, use_data = 2, use_copy = 4 };

struct VersionName {
  std::string name;
  std::string library;  // verneed: the file; verdef: ""
};

class Reader {
 public:
  Reader(Elf* elf, std::string name, std::uint64_t size) : elf_(elf) {
    info_.path = std::move(name);
    info_.file_size = size;
  }

  ElfInfo read() {
    check_kind();
    read_header();
    read_program_headers();
    read_sections();
    if (dynamic_ != nullptr) read_dynamic();
    read_versions();
    std::vector<std::uint8_t> uses = read_relocations();
    if (dynsym_ != nullptr) read_dynamic_symbols(uses);
    decide_linkage();
    decide_language();
    decide_libc();
    return std::move(info_);
  }

 private:
  [[noreturn]] void fail(const std::string& reason, const std::string& remedy = kDamaged) const {
    throw ElfError(info_.path, reason, remedy);
  }

  void check_kind() {
    switch (elf_kind(elf_)) {
      case ELF_K_ELF:
        return;
      case ELF_K_AR:
        fail("is an ar archive (a static library), not an ELF file",
             "scan the programs and shared libraries built from it");
      default:
        fail("is not an ELF file", "scan ELF executables and shared libraries");
    }
  }

  void read_header() {
    GElf_Ehdr ehdr;
    if (gelf_getehdr(elf_, &ehdr) == nullptr) fail("has an invalid ELF header (" + libelf_message() + ")");
    const int cls = gelf_getclass(elf_);
    if (cls != ELFCLASS32 && cls != ELFCLASS64) fail("has an invalid ELF class");
    info_.elf_class = cls == ELFCLASS64 ? ElfClass::elf64 : ElfClass::elf32;
    info_.big_endian = ehdr.e_ident[EI_DATA] == ELFDATA2MSB;
    info_.machine_code = ehdr.e_machine;
    info_.machine = machine_name(ehdr.e_machine, cls == ELFCLASS64);
    switch (ehdr.e_type) {
      case ET_REL:
        info_.type = ElfType::relocatable;
        break;
      case ET_EXEC:
        info_.type = ElfType::executable;
        break;
      case ET_DYN:
        info_.type = ElfType::shared_object;
        break;
      case ET_CORE:
        info_.type = ElfType::core;
        break;
      default:
        info_.type = ElfType::other;
        break;
    }
    entry_ = ehdr.e_entry;
  }

  void read_program_headers() {
    size_t count = 0;
    if (elf_getphdrnum(elf_, &count) != 0) fail("has corrupt program headers (" + libelf_message() + ")");
    for (size_t i = 0; i < count; ++i) {
      GElf_Phdr phdr;
      if (gelf_getphdr(elf_, static_cast<int>(i), &phdr) == nullptr)
        fail("has a program header outside the file (" + libelf_message() + ")");
      if (phdr.p_type == PT_DYNAMIC) has_dynamic_segment_ = true;
      if (phdr.p_type != PT_INTERP) continue;
      // Bounded: a path longer than PATH_MAX is no loader any kernel would start.
      const std::uint64_t size = std::min<std::uint64_t>(phdr.p_filesz, PATH_MAX);
      Elf_Data* data = elf_getdata_rawchunk(elf_, static_cast<int64_t>(phdr.p_offset), size, ELF_T_BYTE);
      if (data == nullptr || (size > 0 && data->d_buf == nullptr))
        fail("has a PT_INTERP segment outside the file (" + libelf_message() + ")");
      const char* text = static_cast<const char*>(data->d_buf);
      info_.interpreter.assign(text, strnlen(text, data->d_size));
      has_interp_segment_ = true;
    }
  }

  void read_sections() {
    size_t count = 0;
    size_t names = 0;
    if (elf_getshdrnum(elf_, &count) != 0) fail("has corrupt section headers (" + libelf_message() + ")");
    if (count == 0) {
      if (has_dynamic_segment_)
        fail("has a dynamic segment but no section headers (stripped with sstrip?)",
             "libcdiff reads dynamic symbols through the section headers; scan an unstripped copy");
      return;
    }
    if (elf_getshdrstrndx(elf_, &names) != 0) fail("has corrupt section headers (" + libelf_message() + ")");
    for (Elf_Scn* scn = elf_nextscn(elf_, nullptr); scn != nullptr; scn = elf_nextscn(elf_, scn)) {
      GElf_Shdr shdr;
      if (gelf_getshdr(scn, &shdr) == nullptr)
        fail("has a corrupt section header (" + libelf_message() + ")");
      const char* raw_name = elf_strptr(elf_, names, shdr.sh_name);
      const std::string_view name = raw_name == nullptr ? std::string_view() : raw_name;
      switch (shdr.sh_type) {
        case SHT_DYNAMIC:
          if (dynamic_ == nullptr) dynamic_ = scn;
          break;
        case SHT_DYNSYM:
          if (dynsym_ == nullptr) {
            dynsym_ = scn;
            dynsym_index_ = elf_ndxscn(scn);
            dynsym_strings_ = shdr.sh_link;
          }
          break;
        case SHT_SYMTAB:
          if (symtab_ == nullptr) symtab_ = scn;
          break;
        case SHT_GNU_versym:
          versym_ = scn;
          break;
        case SHT_GNU_verneed:
          verneed_ = scn;
          break;
        case SHT_GNU_verdef:
          verdef_ = scn;
          break;
        case SHT_REL:
        case SHT_RELA:
          relocations_.push_back(scn);
          break;
        default:
          break;
      }
      if (name == ".note.go.buildid" || name == ".go.buildinfo" || name == ".gopclntab") {
        if (go_section_.empty()) go_section_ = name;
      } else if (name == ".rustc") {
        rust_section_ = true;
      } else if (name == ".comment" && shdr.sh_type == SHT_PROGBITS) {
        comment_ = scn;
      }
    }
  }

  // A section's data, or a typed error when its header points outside the file.
  Elf_Data* data_of(Elf_Scn* scn, const char* what) const {
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (data == nullptr) fail(std::string("has a corrupt ") + what + " (" + libelf_message() + ")");
    if (data->d_size > 0 && data->d_buf == nullptr) fail(std::string("has an empty ") + what);
    return data;
  }

  std::size_t string_table_of(Elf_Scn* scn) const {
    GElf_Shdr shdr;
    if (gelf_getshdr(scn, &shdr) == nullptr) fail("has a corrupt section header (" + libelf_message() + ")");
    return shdr.sh_link;
  }

  std::string string_at(std::size_t table, std::size_t offset, const char* what) const {
    const char* s = elf_strptr(elf_, table, offset);
    if (s == nullptr) fail(std::string("has a ") + what + " outside its string table");
    return s;
  }

  std::size_t entry_count(Elf_Data* data, Elf_Type type) const {
    const size_t size = gelf_fsize(elf_, type, 1, EV_CURRENT);
    if (size == 0) return 0;
    return std::min<std::size_t>(data->d_size / size, INT_MAX);
  }

  void read_dynamic() {
    Elf_Data* data = data_of(dynamic_, "dynamic section");
    const std::size_t strings = string_table_of(dynamic_);
    const std::size_t count = entry_count(data, ELF_T_DYN);
    for (std::size_t i = 0; i < count; ++i) {
      GElf_Dyn dyn;
      if (gelf_getdyn(data, static_cast<int>(i), &dyn) == nullptr) break;
      switch (dyn.d_tag) {
        case DT_NULL:
          return;
        case DT_NEEDED:
          info_.needed.push_back(string_at(strings, dyn.d_un.d_val, "DT_NEEDED name"));
          break;
        case DT_RUNPATH:
          info_.runpath = string_at(strings, dyn.d_un.d_val, "DT_RUNPATH");
          break;
        case DT_RPATH:
          info_.rpath = string_at(strings, dyn.d_un.d_val, "DT_RPATH");
          break;
        case DT_SONAME:
          info_.soname = string_at(strings, dyn.d_un.d_val, "DT_SONAME");
          break;
        case DT_FLAGS_1:
          flags_1_ = dyn.d_un.d_val;
          break;
        default:
          break;
      }
    }
  }

  // .gnu.version_d and .gnu.version_r: the names behind the indexes in .gnu.version. Each chain is
  // walked by its own next-offsets; offsets only grow and stay inside the section, so a corrupt
  // chain ends instead of looping.
  void read_versions() {
    if (verdef_ != nullptr) {
      Elf_Data* data = data_of(verdef_, "version definition section");
      const std::size_t strings = string_table_of(verdef_);
      std::size_t offset = 0;
      while (offset <= INT_MAX) {
        GElf_Verdef def;
        if (gelf_getverdef(data, static_cast<int>(offset), &def) == nullptr) break;
        GElf_Verdaux aux;
        const std::size_t aux_offset = offset + def.vd_aux;
        if (aux_offset <= INT_MAX && gelf_getverdaux(data, static_cast<int>(aux_offset), &aux) != nullptr)
          versions_[def.vd_ndx & 0x7fff] = {string_at(strings, aux.vda_name, "version name"), ""};
        if (def.vd_next == 0) break;
        offset += def.vd_next;
      }
    }
    if (verneed_ != nullptr) {
      Elf_Data* data = data_of(verneed_, "version requirement section");
      const std::size_t strings = string_table_of(verneed_);
      std::size_t offset = 0;
      while (offset <= INT_MAX) {
        GElf_Verneed need;
        if (gelf_getverneed(data, static_cast<int>(offset), &need) == nullptr) break;
        VersionNeed entry{string_at(strings, need.vn_file, "version file name"), {}};
        std::size_t aux_offset = offset + need.vn_aux;
        for (unsigned i = 0; i < need.vn_cnt && aux_offset <= INT_MAX; ++i) {
          GElf_Vernaux aux;
          if (gelf_getvernaux(data, static_cast<int>(aux_offset), &aux) == nullptr) break;
          std::string version = string_at(strings, aux.vna_name, "version name");
          entry.versions.push_back(version);
          versions_[aux.vna_other & 0x7fff] = {std::move(version), entry.library};
          if (aux.vna_next == 0) break;
          aux_offset += aux.vna_next;
        }
        info_.version_needs.push_back(std::move(entry));
        if (need.vn_next == 0) break;
        offset += need.vn_next;
      }
    }
  }

  // For each .dynsym index, how the dynamic relocations use it (RelocationUse bits).
  std::vector<std::uint8_t> read_relocations() {
    std::vector<std::uint8_t> uses;
    if (dynsym_ == nullptr) return uses;
    Elf_Data* symbols = data_of(dynsym_, "dynamic symbol table");
    uses.assign(entry_count(symbols, ELF_T_SYM), 0);
    const RelocationTypes types = relocation_types(info_.machine_code);
    std::set<std::uint32_t> types_seen;
    for (Elf_Scn* scn : relocations_) {
      GElf_Shdr shdr;
      if (gelf_getshdr(scn, &shdr) == nullptr || shdr.sh_link != dynsym_index_) continue;
      info_.has_dynamic_relocations = true;
      const bool rela = shdr.sh_type == SHT_RELA;
      Elf_Data* data = data_of(scn, "relocation section");
      const std::size_t count = entry_count(data, rela ? ELF_T_RELA : ELF_T_REL);
      for (std::size_t i = 0; i < count; ++i) {
        GElf_Xword r_info = 0;
        if (rela) {
          GElf_Rela r;
          if (gelf_getrela(data, static_cast<int>(i), &r) == nullptr) break;
          r_info = r.r_info;
        } else {
          GElf_Rel r;
          if (gelf_getrel(data, static_cast<int>(i), &r) == nullptr) break;
          r_info = r.r_info;
        }
        const std::size_t sym = GELF_R_SYM(r_info);
        const std::uint32_t type = GELF_R_TYPE(r_info);
        if (type != 0) types_seen.insert(type);
        if (sym == 0 || sym >= uses.size() || type == 0) continue;
        uses[sym] |= type == types.jump_slot ? use_plt : type == types.copy ? use_copy : use_data;
      }
    }
    info_.relocation_types.assign(types_seen.begin(), types_seen.end());
    return uses;
  }

  void read_dynamic_symbols(const std::vector<std::uint8_t>& uses) {
    Elf_Data* data = data_of(dynsym_, "dynamic symbol table");
    Elf_Data* versym = versym_ == nullptr ? nullptr : data_of(versym_, "symbol version table");
    const std::size_t count = uses.size();
    for (std::size_t i = 1; i < count; ++i) {
      GElf_Sym sym;
      if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr) break;
      const unsigned bind = GELF_ST_BIND(sym.st_info);
      const unsigned type = GELF_ST_TYPE(sym.st_info);
      if (bind != STB_GLOBAL && bind != STB_WEAK && bind != STB_GNU_UNIQUE) continue;
      const bool undefined = sym.st_shndx == SHN_UNDEF;
      const bool copied = !undefined && (uses[i] & use_copy) != 0;
      // Both loaders ignore a defined symbol whose value is 0 unless it is TLS: glibc's do_lookup_x
      // and musl's find_sym2 (ldso/dynlink.c). Version-name symbols (GLIBC_2.2.5, ABS 0) are such.
      if (!undefined && !copied && sym.st_value == 0 && type != STT_TLS) continue;
      ElfSymbol s;
      s.name = string_at(dynsym_strings_, sym.st_name, "symbol name");
      if (s.name.empty()) continue;
      s.kind = symbol_kind(type);
      s.weak = bind == STB_WEAK;
      if (versym != nullptr) {
        GElf_Versym v;
        if (gelf_getversym(versym, static_cast<int>(i), &v) != nullptr) {
          s.default_version = (v & 0x8000) == 0;
          const auto it = versions_.find(v & 0x7fff);
          if ((v & 0x7fff) > 1 && it != versions_.end()) {
            s.version = it->second.name;
            s.version_library = it->second.library;
          }
        }
      }
      s.plt_relocation = (uses[i] & use_plt) != 0;
      s.data_relocation = (uses[i] & use_data) != 0;
      if (undefined || copied) {
        s.copy_relocation = copied;
        s.has_address = undefined && sym.st_value != 0;
        info_.imports.push_back(std::move(s));
      } else {
        s.version_library.clear();
        info_.exports.push_back(std::move(s));
      }
    }
  }

  void decide_linkage() {
    const bool is_dyn = info_.type == ElfType::shared_object;
    if (info_.type != ElfType::executable && !is_dyn) {
      info_.linkage = Linkage::none;
    } else if (has_interp_segment_) {
      info_.linkage = Linkage::dynamic;
      info_.pie = is_dyn;
    } else if (!has_dynamic_segment_ && dynamic_ == nullptr) {
      info_.linkage = Linkage::static_exe;
    } else if (is_dyn && ((flags_1_ & DF_1_PIE) != 0 ||
                          // Linkers before DF_1_PIE: a self-relocating program has an entry point
                          // and neither dependencies, a name, nor any symbol for others.
                          (entry_ != 0 && info_.needed.empty() && info_.soname.empty() &&
                           info_.imports.empty() && info_.exports.empty()))) {
      info_.linkage = Linkage::static_pie;
      info_.pie = true;
    } else if (!is_dyn && info_.needed.empty()) {
      info_.linkage = Linkage::static_exe;
    } else {
      info_.linkage = Linkage::dynamic;
    }
  }

  // Looks through a symbol table for Rust's and C++'s markers; stops at the first Rust one.
  void scan_symbol_names(Elf_Scn* scn, bool& rust, bool& cxx, std::string& rust_why, std::string& cxx_why) {
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (data == nullptr || data->d_buf == nullptr) return;
    const std::size_t strings = string_table_of(scn);
    const std::size_t count = entry_count(data, ELF_T_SYM);
    for (std::size_t i = 1; i < count && !rust; ++i) {
      GElf_Sym sym;
      if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr) break;
      const char* name = elf_strptr(elf_, strings, sym.st_name);
      if (name == nullptr) continue;
      const std::string_view n(name);
      if (n == "rust_begin_unwind" || n == "rust_panic" || n == "rust_eh_personality" ||
          starts_with(n, "__rust_")) {
        rust = true;
        rust_why = "symbol " + std::string(n);
      } else if (!cxx && starts_with(n, "_Z")) {
        cxx = true;
        cxx_why = "symbol " + std::string(n.substr(0, 60));
      }
    }
  }

  bool comment_mentions_rustc() {
    if (comment_ == nullptr) return false;
    Elf_Data* data = elf_getdata(comment_, nullptr);
    if (data == nullptr || data->d_buf == nullptr) return false;
    const std::string_view text(static_cast<const char*>(data->d_buf),
                                std::min<std::size_t>(data->d_size, 1 << 16));
    return text.find("rustc version") != std::string_view::npos;
  }

  void decide_language() {
    if (!go_section_.empty()) {
      info_.language = Language::go;
      info_.language_evidence = "section " + go_section_;
      return;
    }
    if (rust_section_) {
      info_.language = Language::rust;
      info_.language_evidence = "section .rustc";
      return;
    }
    if (comment_mentions_rustc()) {
      info_.language = Language::rust;
      info_.language_evidence = ".comment names rustc";
      return;
    }
    bool rust = false, cxx = false;
    std::string rust_why, cxx_why;
    for (const auto* list : {&info_.imports, &info_.exports}) {
      for (const auto& s : *list) {
        if (s.name == "rust_begin_unwind" || s.name == "rust_panic" || s.name == "rust_eh_personality" ||
            starts_with(s.name, "__rust_")) {
          rust = true;
          rust_why = "symbol " + s.name;
          break;
        }
        if (!cxx && starts_with(s.name, "_Z")) {
          cxx = true;
          cxx_why = "symbol " + s.name.substr(0, 60);
        }
      }
      if (rust) break;
    }
    if (!rust && symtab_ != nullptr) scan_symbol_names(symtab_, rust, cxx, rust_why, cxx_why);
    if (rust) {
      info_.language = Language::rust;
      info_.language_evidence = rust_why;
      return;
    }
    for (const auto& lib : info_.needed) {
      if (starts_with(lib, "libstdc++.so") || starts_with(lib, "libc++.so") ||
          starts_with(lib, "libc++abi.so")) {
        info_.language = Language::cxx;
        info_.language_evidence = "DT_NEEDED " + lib;
        return;
      }
    }
    if (cxx) {
      info_.language = Language::cxx;
      info_.language_evidence = cxx_why;
      return;
    }
    info_.language = Language::c;
    info_.language_evidence = "no Go, Rust or C++ marker";
  }

  void decide_libc() {
    auto set = [&](LinkedLibc libc, std::string why) {
      info_.libc = libc;
      info_.libc_evidence = std::move(why);
    };
    if (!info_.interpreter.empty()) {
      const std::string base = basename_of(info_.interpreter);
      if (starts_with(base, "ld-musl-")) return set(LinkedLibc::musl, "PT_INTERP " + info_.interpreter);
      if (starts_with(base, "ld-linux") || base == "ld64.so.1" || base == "ld64.so.2" || base == "ld.so.1")
        return set(LinkedLibc::glibc, "PT_INTERP " + info_.interpreter);
      return set(LinkedLibc::unknown,
                 "PT_INTERP " + info_.interpreter + " is neither glibc's nor musl's loader");
    }
    if (info_.linkage == Linkage::static_exe || info_.linkage == Linkage::static_pie) {
      return set(LinkedLibc::none, info_.language == Language::go
                                       ? "Go without cgo: statically linked, no libc at load time"
                                       : "statically linked: no libc at load time");
    }
    if (info_.linkage == Linkage::none)
      return set(LinkedLibc::unknown, "not linked (" + to_string(info_.type) + ")");
    for (const auto& lib : info_.needed) {
      if (lib == "libc.so.6") return set(LinkedLibc::glibc, "DT_NEEDED libc.so.6");
      if (lib == "libc.so" || starts_with(lib, "libc.musl-"))
        return set(LinkedLibc::musl, "DT_NEEDED " + lib);
    }
    for (const auto& need : info_.version_needs)
      for (const auto& v : need.versions)
        if (starts_with(v, "GLIBC_"))
          return set(LinkedLibc::glibc, "needs version " + v + " of " + need.library);
    set(LinkedLibc::unknown, "no libc dependency");
  }

  Elf* elf_;
  ElfInfo info_;
  GElf_Addr entry_ = 0;
  bool has_dynamic_segment_ = false;
  bool has_interp_segment_ = false;
  GElf_Xword flags_1_ = 0;
  Elf_Scn* dynamic_ = nullptr;
  Elf_Scn* dynsym_ = nullptr;
  std::size_t dynsym_index_ = 0;
  std::size_t dynsym_strings_ = 0;
  Elf_Scn* symtab_ = nullptr;
  Elf_Scn* versym_ = nullptr;
  Elf_Scn* verneed_ = nullptr;
  Elf_Scn* verdef_ = nullptr;
  Elf_Scn* comment_ = nullptr;
  std::vector<Elf_Scn*> relocations_;
  std::string go_section_;
  bool rust_section_ = false;
  std::map<unsigned, VersionName> versions_;
};

std::string open_error(int error) {
  switch (error) {
    case ENOENT:
      return "does not exist";
    case EACCES:
      return "cannot be read (permission denied)";
    case ELOOP:
      return "is a symlink loop";
    default:
      return std::string("cannot be opened (") + std::strerror(error) + ")";
  }
}

}  // namespace

ElfError::ElfError(std::string input, std::string reason, std::string remedy)
    : Fatal(ExitCode::usage, std::move(input), reason, std::move(remedy)), reason_(reason) {}

ElfInfo read_elf(const std::filesystem::path& path) {
  const std::string name = path.string();
  if (!libelf_ready())
    throw ElfError(name, "cannot be read: libelf refused version EV_CURRENT", "reinstall libelf1");
  // O_NONBLOCK: opening a FIFO must not hang the scan; fstat below refuses it anyway.
  Fd fd(::open(name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (fd.get() < 0) throw ElfError(name, open_error(errno), "check the path and its permissions");
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0)
    throw ElfError(name, open_error(errno), "check the path and its permissions");
  if (S_ISDIR(st.st_mode)) throw ElfError(name, "is a directory", "scan the files in it");
  if (!S_ISREG(st.st_mode)) throw ElfError(name, "is not a regular file", "scan regular files");
  if (st.st_size == 0) throw ElfError(name, "is empty", "scan ELF executables and shared libraries");
  ElfHandle elf(elf_begin(fd.get(), ELF_C_READ_MMAP, nullptr));
  if (elf.get() == nullptr) throw ElfError(name, "cannot be mapped (" + libelf_message() + ")", kDamaged);
  return Reader(elf.get(), name, static_cast<std::uint64_t>(st.st_size)).read();
}

ElfInfo read_elf_bytes(std::span<const std::byte> bytes, const std::string& name) {
  if (!libelf_ready())
    throw ElfError(name, "cannot be read: libelf refused version EV_CURRENT", "reinstall libelf1");
  if (bytes.empty()) throw ElfError(name, "is empty", "scan ELF executables and shared libraries");
  // elf_memory may convert data in place (it treats the image as a private mapping): give it a copy.
  std::vector<char> image(bytes.size());
  std::memcpy(image.data(), bytes.data(), bytes.size());
  ElfHandle elf(elf_memory(image.data(), image.size()));
  if (elf.get() == nullptr) throw ElfError(name, "cannot be read (" + libelf_message() + ")", kDamaged);
  return Reader(elf.get(), name, image.size()).read();
}

bool has_elf_magic(const std::filesystem::path& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (fd.get() < 0) return false;
  unsigned char magic[SELFMAG];
  return ::pread(fd.get(), magic, SELFMAG, 0) == SELFMAG && std::memcmp(magic, ELFMAG, SELFMAG) == 0;
}

std::string to_string(ElfClass c) {
  return c == ElfClass::elf64 ? "ELF64" : "ELF32";
}

std::string to_string(ElfType t) {
  switch (t) {
    case ElfType::relocatable:
      return "relocatable";
    case ElfType::executable:
      return "executable";
    case ElfType::shared_object:
      return "shared-object";
    case ElfType::core:
      return "core";
    case ElfType::other:
      break;
  }
  return "other";
}

std::string to_string(Linkage l) {
  switch (l) {
    case Linkage::dynamic:
      return "dynamic";
    case Linkage::static_pie:
      return "static-pie";
    case Linkage::static_exe:
      return "static";
    case Linkage::none:
      break;
  }
  return "none";
}

std::string to_string(Language l) {
  switch (l) {
    case Language::c:
      return "c";
    case Language::cxx:
      return "c++";
    case Language::go:
      return "go";
    case Language::rust:
      break;
  }
  return "rust";
}

std::string to_string(LinkedLibc l) {
  switch (l) {
    case LinkedLibc::glibc:
      return "glibc";
    case LinkedLibc::musl:
      return "musl";
    case LinkedLibc::none:
      return "none";
    case LinkedLibc::unknown:
      break;
  }
  return "unknown";
}

std::string to_string(SymbolKind k) {
  switch (k) {
    case SymbolKind::untyped:
      return "notype";
    case SymbolKind::object:
      return "object";
    case SymbolKind::function:
      return "function";
    case SymbolKind::tls:
      return "tls";
    case SymbolKind::ifunc:
      return "ifunc";
    case SymbolKind::other:
      break;
  }
  return "other";
}

}  // namespace libcdiff::scan
