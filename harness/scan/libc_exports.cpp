#include "scan/libc_exports.hpp"

#include <fcntl.h>
#include <libelf.h>
#include <unistd.h>

#include <algorithm>

#include "targets/target.hpp"
#include "util/error.hpp"

namespace libcdiff::scan {
namespace {

void add_object(LibcExports& out, const ElfInfo& info, const std::string& library) {
  out.objects.emplace_back(info.path);
  for (const auto& s : info.exports)
    out.symbols[s.name].push_back({s.version, library, s.default_version, s.kind});
}

}  // namespace

const std::vector<ExportedVersion>* LibcExports::find(std::string_view name) const {
  const auto it = symbols.find(name);
  return it == symbols.end() ? nullptr : &it->second;
}

LibcExports musl_exports(const std::filesystem::path& libc_so) {
  const ElfInfo info = read_elf(libc_so);
  const auto has = [&](std::string_view name) {
    return std::any_of(info.exports.begin(), info.exports.end(),
                       [&](const ElfSymbol& s) { return s.name == name; });
  };
  const bool versioned = std::any_of(info.exports.begin(), info.exports.end(),
                                     [](const ElfSymbol& s) { return !s.version.empty(); });
  if (info.type != ElfType::shared_object || !has("__libc_start_main") || has("gnu_get_libc_version") ||
      versioned)
    throw environment_error(libc_so.string(),
                            "is not musl's libc.so (a shared object exporting "
                            "__libc_start_main, without symbol versions or gnu_get_libc_version)",
                            "run scripts/setup.sh, which unpacks musl into the cache");
  LibcExports out;
  out.family = "musl";
  out.machine = info.machine;
  add_object(out, info, "libc.so");
  return out;
}

LibcExports glibc_exports(const std::filesystem::path& lib_dir) {
  static const char* const libraries[] = {
      "libc.so.6",   "libm.so.6",      "libpthread.so.0",      "libdl.so.2",
      "librt.so.1",  "libresolv.so.2", "libutil.so.1",         "libanl.so.1",
      "libnsl.so.1", "libmvec.so.1",   "libBrokenLocale.so.1", "libc_malloc_debug.so.0",
  };
  if (!std::filesystem::exists(lib_dir / "libc.so.6"))
    throw environment_error((lib_dir / "libc.so.6").string(), "does not exist",
                            "give the directory that holds glibc's libc.so.6, e.g. /lib/x86_64-linux-gnu");
  LibcExports out;
  out.family = "glibc";
  for (const char* name : libraries) {
    const auto path = lib_dir / name;
    if (!std::filesystem::exists(path)) continue;  // libnsl.so.1 and libmvec.so.1 are optional
    const ElfInfo info = read_elf(path);
    if (out.machine.empty()) out.machine = info.machine;
    add_object(out, info, name);
  }
  // The loader exports _dl_*, __tls_get_addr, _r_debug...: its name depends on the architecture.
  std::vector<std::filesystem::path> loaders;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(lib_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("ld-linux") && name.find(".so.") != std::string::npos)
      loaders.push_back(entry.path());
  }
  std::sort(loaders.begin(), loaders.end());
  for (const auto& path : loaders) add_object(out, read_elf(path), path.filename().string());
  return out;
}

std::set<std::string, std::less<>> archive_symbols(const std::filesystem::path& archive) {
  std::set<std::string, std::less<>> out;
  std::error_code ec;
  if (!std::filesystem::exists(archive, ec)) return out;
  elf_version(EV_CURRENT);
  const int fd = ::open(archive.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw ElfError(archive.string(), "cannot be opened", "check its permissions");
  Elf* ar = elf_begin(fd, ELF_C_READ_MMAP, nullptr);
  std::size_t count = 0;
  Elf_Arsym* index = ar != nullptr && elf_kind(ar) == ELF_K_AR ? elf_getarsym(ar, &count) : nullptr;
  // The index ends with an entry whose name is null.
  for (std::size_t i = 0; index != nullptr && i < count; ++i)
    if (index[i].as_name != nullptr) out.insert(index[i].as_name);
  const bool is_archive = ar != nullptr && elf_kind(ar) == ELF_K_AR;
  if (ar != nullptr) elf_end(ar);
  ::close(fd);
  if (!is_archive)
    throw ElfError(archive.string(), "is not a static archive", "give glibc's libc_nonshared.a");
  return out;
}

std::filesystem::path glibc_nonshared_archive(const std::filesystem::path& lib_dir) {
  std::error_code ec;
  for (const auto& candidate :
       {lib_dir / "libc_nonshared.a", "/usr" / lib_dir.relative_path() / "libc_nonshared.a"})
    if (std::filesystem::exists(candidate, ec)) return candidate;
  return {};
}

std::filesystem::path musl_libc_so(const targets::Target& target, const std::filesystem::path& cache_dir) {
  if (target.libc_family != "musl")
    throw usage_error(target.id, "is not a musl target", "check against a musl target, e.g. --to musl");
  const std::string unpacked = "musl-" + target.musl_release;
  const auto& entries = target.cache_entries;
  if (std::find(entries.begin(), entries.end(), unpacked) != entries.end())
    return cache_dir / unpacked / "root" / "usr" / "lib" / "x86_64-linux-musl" / "libc.so";
  return "/lib/ld-musl-x86_64.so.1";
}

}  // namespace libcdiff::scan
