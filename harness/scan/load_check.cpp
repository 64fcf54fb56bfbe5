#include "scan/load_check.hpp"

#include <elf.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_set>

#include "scan/root_path.hpp"

namespace libcdiff::scan {
namespace {

// musl's load_library builds candidate paths in char buf[2*NAME_MAX+2] and skips a directory whose
// "dir/name" does not fit; names longer than NAME_MAX are never searched.
constexpr std::size_t kPathBuffer = 2 * 255 + 2;
constexpr std::size_t kNameMax = 255;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The names a dynamic loader can bind to, as musl's find_sym2 filters them: OK_TYPES (no IFUNC:
// musl does not support it) and a non-hidden version (versym >= 0).
bool bindable(SymbolKind kind, bool default_version) {
  return default_version && kind != SymbolKind::ifunc && kind != SymbolKind::other;
}

// musl 1.2.5 ldso/dynlink.c, get_lfs64: the LFS64 names removed from musl's API in 1.2.4 still
// resolve at load time to their plain twins in libc ("readdir64_r" to "readdir_r"); names of 16
// bytes or more never match.
std::string lfs64_twin(std::string_view name) {
  static const std::set<std::string_view> plain = {
      "aio_cancel", "aio_error", "aio_fsync", "aio_read",      "aio_return",      "aio_suspend", "aio_write",
      "alphasort",  "creat",     "fallocate", "fgetpos",       "fopen",           "freopen",     "fseeko",
      "fsetpos",    "fstat",     "fstatat",   "fstatfs",       "fstatvfs",        "ftello",      "ftruncate",
      "ftw",        "getdents",  "getrlimit", "glob",          "globfree",        "lio_listio",  "lockf",
      "lseek",      "lstat",     "mkostemp",  "mkostemps",     "mkstemp",         "mkstemps",    "mmap",
      "nftw",       "open",      "openat",    "posix_fadvise", "posix_fallocate", "pread",       "preadv",
      "prlimit",    "pwrite",    "pwritev",   "readdir",       "scandir",         "sendfile",    "setrlimit",
      "stat",       "statfs",    "statvfs",   "tmpfile",       "truncate",        "versionsort", "__fxstat",
      "__fxstatat", "__lxstat",  "__xstat"};
  if (name.size() >= 16) return "";
  if (name == "readdir64_r") return "readdir_r";
  if (name.size() < 2 || name.substr(name.size() - 2) != "64") return "";
  const std::string_view base = name.substr(0, name.size() - 2);
  return plain.count(base) != 0 ? std::string(base) : "";
}

std::string join_dirs(const std::vector<std::string>& dirs) {
  std::string out;
  for (const auto& d : dirs) out += (out.empty() ? "" : ":") + d;
  return out;
}

struct SearchResult {
  RootLookupStatus status = RootLookupStatus::absent;  // failed: musl stops searching (path_open's -2)
  std::string pathname;                                // "dir/name", as musl names the library
  std::filesystem::path host_path;
};

// musl's path_open: directories separated by ':' or '\n', empty ones skipped, the first file that
// opens wins; ENOENT, ENOTDIR, EACCES and ENAMETOOLONG go on to the next directory, any other error
// stops the whole search.
SearchResult path_open(const std::filesystem::path& root, std::string_view name, std::string_view dirs,
                       std::vector<std::string>& tried) {
  std::size_t pos = 0;
  while (true) {
    pos = dirs.find_first_not_of(":\n", pos);
    if (pos == std::string_view::npos) return {};
    const std::size_t end = std::min(dirs.find_first_of(":\n", pos), dirs.size());
    const std::string dir(dirs.substr(pos, end - pos));
    pos = end;
    std::string candidate = dir + "/" + std::string(name);
    if (candidate.size() >= kPathBuffer) continue;
    tried.push_back(dir);
    const RootLookup found = lookup_in_root(root, candidate);
    if (found.status == RootLookupStatus::found) return {found.status, candidate, found.host_path};
    if (found.status == RootLookupStatus::failed) return {found.status, candidate, {}};
  }
}

// musl's fixup_rpath: $ORIGIN and ${ORIGIN} become the directory of the object's name; any other
// '$' makes musl ignore the whole RPATH/RUNPATH of that object (returns "" then).
std::string expand_origin(const std::string& rpath, const std::string& object_name) {
  if (rpath.find('$') == std::string::npos) return rpath;
  const auto slash = object_name.rfind('/');
  const std::string origin = slash == std::string::npos ? "." : object_name.substr(0, slash);
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t dollar = rpath.find('$', pos);
    if (dollar == std::string::npos) break;
    const std::string_view rest = std::string_view(rpath).substr(dollar);
    std::size_t skip = 0;
    if (starts_with(rest, "${ORIGIN}"))
      skip = 9;
    else if (starts_with(rest, "$ORIGIN"))
      skip = 7;
    else
      return "";
    out += rpath.substr(pos, dollar - pos) + origin;
    pos = dollar + skip;
  }
  return out + rpath.substr(pos);
}

// musl 1.2.5 arch/<arch>/reloc.h: the relocation types do_relocs handles (REL_SYMBOLIC, REL_GOT,
// REL_PLT, REL_RELATIVE, REL_COPY, REL_OFFSET*, REL_DTPMOD, REL_DTPOFF, REL_TPOFF*, REL_TLSDESC);
// any other type is "unsupported relocation type". nullptr: an architecture not modelled here.
const std::set<std::uint32_t>* musl_relocation_types(const std::string& machine) {
  static const std::set<std::uint32_t> x86_64 = {R_X86_64_NONE,     R_X86_64_64,        R_X86_64_PC32,
                                                 R_X86_64_GLOB_DAT, R_X86_64_JUMP_SLOT, R_X86_64_RELATIVE,
                                                 R_X86_64_COPY,     R_X86_64_DTPMOD64,  R_X86_64_DTPOFF64,
                                                 R_X86_64_TPOFF64,  R_X86_64_TLSDESC};
  static const std::set<std::uint32_t> aarch64 = {
      R_AARCH64_NONE, R_AARCH64_ABS64,      R_AARCH64_GLOB_DAT,   R_AARCH64_JUMP_SLOT, R_AARCH64_RELATIVE,
      R_AARCH64_COPY, R_AARCH64_TLS_DTPMOD, R_AARCH64_TLS_DTPREL, R_AARCH64_TLS_TPREL, R_AARCH64_TLSDESC};
  static const std::set<std::uint32_t> i386 = {
      R_386_NONE, R_386_32,           R_386_PC32,         R_386_GLOB_DAT,  R_386_JMP_SLOT,    R_386_RELATIVE,
      R_386_COPY, R_386_TLS_DTPMOD32, R_386_TLS_DTPOFF32, R_386_TLS_TPOFF, R_386_TLS_TPOFF32, R_386_TLS_DESC};
  if (machine == "x86_64") return &x86_64;
  if (machine == "aarch64") return &aarch64;
  if (machine == "i386") return &i386;
  return nullptr;
}

std::string relocation_type_name(const std::string& machine, std::uint32_t type) {
  if ((machine == "x86_64" && type == R_X86_64_IRELATIVE) || (machine == "i386" && type == R_386_IRELATIVE) ||
      (machine == "aarch64" && type == R_AARCH64_IRELATIVE))
    return (machine == "x86_64" ? "R_X86_64"
            : machine == "i386" ? "R_386"
                                : "R_AARCH64") +
           std::string("_IRELATIVE");
  return "type " + std::to_string(type);
}

struct Definitions {
  std::unordered_set<std::string_view> defined;       // real definitions a loader binds to
  std::unordered_set<std::string_view> address_only;  // undefined with a value: canonical PLT entries
};

Definitions definitions_of(const ElfInfo& info) {
  Definitions d;
  d.defined.reserve(info.exports.size());
  for (const auto& s : info.exports)
    if (bindable(s.kind, s.default_version)) d.defined.insert(s.name);
  for (const auto& s : info.imports) {
    if (s.copy_relocation) d.defined.insert(s.name);  // the executable's copy is the definition
    if (s.has_address) d.address_only.insert(s.name);
  }
  return d;
}

bool is_libc_family_version_file(std::string_view file) {
  return is_musl_reserved_name(file) || starts_with(file, "ld-linux");
}

}  // namespace

struct LoadChecker::Library {
  std::shared_ptr<const ElfInfo> info;  // null when it could not be read
  std::string error;                    // why, then
  Definitions definitions;
  dev_t dev = 0;
  ino_t ino = 0;
  bool looks_like_a_libc = false;  // defines __libc_start_main and stdin (musl's "two libcs" test)
};

LoadChecker::LoadChecker(LibcExports musl, LibcExports glibc, LoadCheckOptions options)
    : musl_(std::move(musl)), glibc_(std::move(glibc)), options_(std::move(options)) {
  for (const auto& [name, versions] : musl_.symbols)
    if (std::any_of(versions.begin(), versions.end(),
                    [](const ExportedVersion& v) { return bindable(v.kind, v.default_version); }))
      musl_names_.insert(name);
}

LoadChecker::~LoadChecker() = default;

std::shared_ptr<const LoadChecker::Library> LoadChecker::library(const std::filesystem::path& host_path) {
  {
    std::lock_guard lock(mutex_);
    const auto it = libraries_.find(host_path);
    if (it != libraries_.end()) return it->second;
  }
  auto lib = std::make_shared<Library>();
  struct stat st {};
  if (::stat(host_path.c_str(), &st) == 0) {
    lib->dev = st.st_dev;
    lib->ino = st.st_ino;
  }
  try {
    auto info = std::make_shared<ElfInfo>(read_elf(host_path));
    if (info->type != ElfType::shared_object && info->type != ElfType::executable) {
      lib->error = "is not a shared library (" + to_string(info->type) + ")";
    } else if (info->machine != musl_.machine) {
      lib->error = "is built for " + info->machine + ", not " + musl_.machine;
    } else {
      lib->definitions = definitions_of(*info);
      lib->looks_like_a_libc = lib->definitions.defined.count("__libc_start_main") != 0 &&
                               lib->definitions.defined.count("stdin") != 0;
      lib->info = std::move(info);
    }
  } catch (const ElfError& e) {
    lib->error = e.reason();
  }
  std::lock_guard lock(mutex_);
  return libraries_.emplace(host_path, std::move(lib)).first->second;
}

// musl reads its path file once, from <prefix>/etc/ld-musl-<arch>.path where <prefix> is the
// loader's own path minus its last two components (the loader's name is the program's PT_INTERP):
// /lib/ld-musl-x86_64.so.1 gives /etc/ld-musl-x86_64.path. No file: /lib:/usr/local/lib:/usr/lib.
// A file that exists but cannot be opened: an empty path.
std::string LoadChecker::search_path(const ElfInfo& binary) {
  const std::string arch = musl_ldso_arch(musl_.machine);
  const std::string ldso = binary.interpreter.empty() ? "/lib/ld-musl-" + arch + ".so.1" : binary.interpreter;
  std::string prefix;
  if (!ldso.empty() && ldso.front() == '/') {
    std::size_t t = 0, z = 0;
    for (std::size_t s = 0; s < ldso.size(); ++s)
      if (ldso[s] == '/') z = t, t = s;
    prefix = ldso.substr(0, z);
  }
  const std::string file = prefix + "/etc/ld-musl-" + arch + ".path";
  {
    std::lock_guard lock(mutex_);
    const auto it = search_paths_.find(file);
    if (it != search_paths_.end()) return it->second;
  }
  std::string path;
  const RootLookup found = lookup_in_root(options_.root, file);
  if (found.status == RootLookupStatus::found) {
    std::ifstream in(found.host_path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    path = text.str();
  } else if (found.error == ENOENT) {
    path = "/lib:/usr/local/lib:/usr/lib";
  }
  std::lock_guard lock(mutex_);
  return search_paths_.emplace(file, path).first->second;
}

LoadReport LoadChecker::check(const ElfInfo& binary, const std::string& path_in_root) {
  LoadReport report;
  const std::string app_path = path_in_root.empty() ? binary.path : path_in_root;
  report.path = app_path;
  if (settle_without_loading(binary, musl_.machine, report)) return report;

  // The objects musl would load, in its order: load_deps walks the list as it grows (breadth first).
  struct Node {
    std::string name, path, shortname;
    int needed_by = -1;
    bool is_libc = false;
    const ElfInfo* info = nullptr;
    const Definitions* definitions = nullptr;
    dev_t dev = 0;
    ino_t ino = 0;
  };
  const Definitions app_definitions = definitions_of(binary);
  std::vector<std::shared_ptr<const Library>> keep;
  std::vector<Node> nodes;
  nodes.push_back({"", app_path, "", -1, false, &binary, &app_definitions, 0, 0});
  bool libc_loaded = false;
  std::set<std::string> reserved_reported;
  const std::string arch = musl_ldso_arch(musl_.machine);
  // The loader's own name: the program's PT_INTERP (musl sets ldso.name from it, also in --list mode).
  const std::string ldso_name =
      binary.interpreter.empty() ? "/lib/ld-musl-" + arch + ".so.1" : binary.interpreter;
  const std::string libc_path = musl_.objects.empty() ? "libc.so" : musl_.objects.front().string();

  auto map_to_libc = [&](const std::string& name, int needer) {
    libc_loaded = true;
    if (reserved_reported.insert(name).second)
      report.objects.push_back({name, libc_path, nodes[needer].path, true});
  };

  // musl's load_library for one DT_NEEDED entry of nodes[needer].
  auto load = [&](const std::string& name, int needer) {
    const std::string needed_by = nodes[needer].path;  // a copy: nodes grows below
    auto missing = [&](std::string reason) {
      report.missing_libraries.push_back({name, needed_by, std::move(reason)});
    };
    if (name.empty()) return missing("is an empty name");
    if (is_musl_reserved_name(name) || name == ldso_name) return map_to_libc(name, needer);
    SearchResult found;
    std::vector<std::string> tried;
    if (name.find('/') != std::string::npos) {
      const RootLookup r = lookup_in_root(options_.root, name);
      found = {r.status, name, r.host_path};
      if (found.status == RootLookupStatus::absent) return missing("does not exist");
    } else {
      for (const auto& n : nodes)
        if (!n.shortname.empty() && n.shortname == name) return;  // already loaded by that name
      if (name.size() > kNameMax) return missing("is longer than NAME_MAX");
      for (int p = needer; p >= 0 && found.status == RootLookupStatus::absent; p = nodes[p].needed_by) {
        const ElfInfo& owner = *nodes[p].info;
        // musl keeps one rpath per object: DT_RUNPATH when present, else DT_RPATH (decode_dyn).
        const std::string& raw = owner.runpath.empty() ? owner.rpath : owner.runpath;
        if (raw.empty()) continue;
        const std::string dirs = expand_origin(raw, nodes[p].path);
        if (!dirs.empty()) found = path_open(options_.root, name, dirs, tried);
      }
      if (found.status == RootLookupStatus::absent)
        found = path_open(options_.root, name, search_path(binary), tried);
    }
    if (found.status == RootLookupStatus::failed)
      return missing("search stopped at " + found.pathname + " (an error other than not-found)");
    if (found.status != RootLookupStatus::found)
      return missing(tried.empty() ? "not found: the search path is empty"
                                   : "not found in " + join_dirs(tried));
    auto lib = library(found.host_path);
    for (auto& n : nodes) {
      if (!n.is_libc && n.info != &binary && n.dev == lib->dev && n.ino == lib->ino && lib->dev != 0) {
        if (n.shortname.empty() && found.pathname != name) n.shortname = n.path.substr(n.path.rfind('/') + 1);
        return;  // the same file, found under another name
      }
    }
    if (lib->info == nullptr) return missing(found.pathname + " " + lib->error);
    // "Avoid the danger of getting two versions of libc mapped into the same process": a library
    // that defines __libc_start_main and stdin is replaced by musl's own libc.
    if (lib->looks_like_a_libc) return map_to_libc(name, needer);
    const std::string shortname = found.pathname != name ? name : "";
    nodes.push_back({name, found.pathname, shortname, needer, false, lib->info.get(), &lib->definitions,
                     lib->dev, lib->ino});
    report.objects.push_back({name, found.pathname, needed_by, false});
    keep.push_back(std::move(lib));
  };

  report.objects.push_back({"", app_path, "", false});
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const std::vector<std::string> needed = nodes[i].info->needed;  // nodes grows: copy the list
    for (const auto& name : needed) load(name, static_cast<int>(i));
  }

  // do_relocs: every symbolic relocation of every object is looked up in the global chain (all
  // loaded objects, and musl's libc when a name mapped to it). A jump slot needs a real definition;
  // other relocations accept a canonical PLT address; a copy relocation skips the executable itself.
  // An undefined weak symbol that is found nowhere is not an error.
  auto in_libc = [&](const std::string& name) { return libc_loaded && musl_names_.count(name) != 0; };
  auto found_in = [&](const std::string& name, bool need_definition, bool skip_app) {
    for (std::size_t i = skip_app ? 1 : 0; i < nodes.size(); ++i) {
      const Definitions& d = *nodes[i].definitions;
      if (d.defined.count(name) != 0) return true;
      if (!need_definition && d.address_only.count(name) != 0) return true;
    }
    return in_libc(name);
  };
  std::set<std::pair<std::string, std::string>> seen;
  std::set<std::string> versions;
  for (const auto& node : nodes) {
    for (const auto& need : node.info->version_needs)
      if (is_libc_family_version_file(need.library))
        versions.insert(need.versions.begin(), need.versions.end());
    if (const auto* supported = musl_relocation_types(musl_.machine))
      for (const auto type : node.info->relocation_types)
        if (supported->count(type) == 0)
          report.unsupported_relocations.push_back(
              {node.path, type, relocation_type_name(musl_.machine, type)});
    // Imports, and definitions musl cannot bind to (a hidden version, an IFUNC) that a relocation
    // of their own object names: both are looked up in the chain, where only others can satisfy them.
    std::vector<std::pair<const ElfSymbol*, bool>> wanted;  // the symbol, and whether it is undefined
    for (const auto& s : node.info->imports) wanted.emplace_back(&s, !s.copy_relocation);
    for (const auto& s : node.info->exports)
      if ((s.plt_relocation || s.data_relocation) && !bindable(s.kind, s.default_version))
        wanted.emplace_back(&s, false);
    for (const auto& [symbol, undefined] : wanted) {
      const ElfSymbol& s = *symbol;
      if (!s.plt_relocation && !s.data_relocation && !s.copy_relocation) continue;  // never looked up
      bool ok = (!s.copy_relocation || found_in(s.name, false, true)) &&
                (!s.plt_relocation || found_in(s.name, true, false)) &&
                (!s.data_relocation || found_in(s.name, false, false));
      // Only an *undefined* weak symbol may stay unresolved (do_relocs tests st_shndx).
      if (!ok && undefined && s.weak) ok = true;
      if (!ok) {
        const std::string twin = lfs64_twin(s.name);
        ok = !twin.empty() && musl_names_.count(twin) != 0;
      }
      if (!ok) {
        if (seen.insert({s.name, node.path}).second)
          report.missing_symbols.push_back({s.name, s.version, node.path, classify_missing(s.name, glibc_)});
        continue;
      }
      // Resolved. musl ignores symbol versions: its lookups (ldso/dynlink.c, sysv_lookup and
      // gnu_lookup) compare names and only skip hidden definitions (versym < 0), and do_relocs never
      // reads the referencing object's .gnu.version or DT_VERNEED. A versioned import therefore
      // binds to musl's one definition: a note where glibc has several versions, never a failure.
      if (s.version.empty()) continue;
      const auto* glibc_versions = glibc_.find(s.name);
      if (glibc_versions == nullptr) continue;
      std::set<std::string_view> distinct;
      for (const auto& v : *glibc_versions) distinct.insert(v.version);
      if (distinct.size() > 1) report.versioned_only.push_back({s.name, s.version, node.path});
    }
  }
  report.required_versions.assign(versions.begin(), versions.end());
  std::sort(report.missing_symbols.begin(), report.missing_symbols.end(), [](const auto& a, const auto& b) {
    return std::tie(a.cause, a.name, a.object) < std::tie(b.cause, b.name, b.object);
  });
  report.verdict = report.missing_symbols.empty() && report.missing_libraries.empty() &&
                           report.unsupported_relocations.empty()
                       ? Verdict::loads
                       : Verdict::needs_rebuild;
  const auto base = binary.interpreter.substr(binary.interpreter.rfind('/') + 1);
  if (!binary.interpreter.empty() && !starts_with(base, "ld-musl-"))
    report.interpreter_note =
        "asks the kernel for " + binary.interpreter +
        ", which a musl system does not have unless something provides that path (e.g. Alpine's "
        "gcompat); musl's loader can start it directly";
  return report;
}

bool settle_without_loading(const ElfInfo& binary, const std::string& machine, LoadReport& report) {
  if (binary.machine != machine) {
    report.verdict = Verdict::wrong_arch;
    report.reason = "is built for " + binary.machine + "; the target libc is for " + machine;
    return true;
  }
  if (binary.linkage == Linkage::dynamic) return false;
  report.verdict = Verdict::not_dynamic;
  if (binary.linkage == Linkage::none)
    report.reason = "is not a program or a shared library (" + to_string(binary.type) + ")";
  else if (binary.language == Language::go)
    report.reason =
        "is a Go program without cgo (" + to_string(binary.linkage) + "): it does not load a libc";
  else
    report.reason = "is linked statically (" + to_string(binary.linkage) + "): it does not load a libc";
  return true;
}

MissingCause classify_missing(std::string_view name, const LibcExports& glibc) {
  // _FORTIFY_SOURCE's checked variants: __*_chk, and the __*_2 forms of the open family that check
  // for a missing mode argument (glibc's io/open_2.c and friends, rt/mq_open.c).
  static const std::set<std::string_view> checked_open = {"__open_2", "__open64_2", "__openat_2",
                                                          "__openat64_2", "__mq_open_2"};
  if ((starts_with(name, "__") && name.size() > 6 && name.substr(name.size() - 4) == "_chk") ||
      checked_open.count(name) != 0)
    return MissingCause::fortify;
  if (!glibc.exports(name)) return MissingCause::not_in_glibc;
  // Implementation names: the C standard reserves "__x" and "_X" for the implementation; glibc's
  // own prefixes _dl_, _nl_ and _libc_ (e.g. _libc_intl_domainname) are private as well.
  const bool reserved = starts_with(name, "__") ||
                        (name.size() > 1 && name[0] == '_' && name[1] >= 'A' && name[1] <= 'Z') ||
                        starts_with(name, "_dl_") || starts_with(name, "_nl_") || starts_with(name, "_libc_");
  return reserved ? MissingCause::glibc_private : MissingCause::gnu_extension;
}

// musl 1.2.5 ldso/dynlink.c, load_library:
//   static const char reserved[] = "c.pthread.rt.m.dl.util.xnet.";
// compared with strncmp(name+3, rp, next-rp) after checking name starts with "lib": "libc.so.6",
// "libm.so.6", "libpthread.so.0" map to musl itself, "libcrypt.so.1" and "libresolv.so.2" do not
// (the list is unchanged since commit 5ffe515c, "fix ldso reserved library name handling", 2016).
bool is_musl_reserved_name(std::string_view needed) {
  if (!starts_with(needed, "lib")) return false;
  static const std::string_view reserved[] = {"c.", "pthread.", "rt.", "m.", "dl.", "util.", "xnet."};
  const std::string_view rest = needed.substr(3);
  return std::any_of(std::begin(reserved), std::end(reserved),
                     [&](std::string_view r) { return starts_with(rest, r); });
}

std::string musl_ldso_arch(const std::string& machine) {
  // arch/<arch>/reloc.h, LDSO_ARCH: the little-endian ports (others add endian and float suffixes).
  if (machine == "x86_64" || machine == "aarch64" || machine == "i386" || machine == "x32") return machine;
  return "";
}

std::string to_string(Verdict v) {
  switch (v) {
    case Verdict::loads:
      return "loads";
    case Verdict::needs_rebuild:
      return "needs-rebuild";
    case Verdict::not_dynamic:
      return "not-dynamic";
    case Verdict::wrong_arch:
      break;
  }
  return "wrong-arch";
}

std::string to_string(MissingCause c) {
  switch (c) {
    case MissingCause::fortify:
      return "fortify";
    case MissingCause::glibc_private:
      return "glibc-private";
    case MissingCause::gnu_extension:
      return "gnu-extension";
    case MissingCause::not_in_glibc:
      return "not-in-glibc";
    case MissingCause::musl_only:
      return "musl-only";
    case MissingCause::not_in_musl:
      return "not-in-musl";
    case MissingCause::missing_version:
      break;
  }
  return "missing-version";
}

}  // namespace libcdiff::scan
