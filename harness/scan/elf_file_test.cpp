#include "scan/elf_file.hpp"

#include <elf.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <fstream>

#include "exec/boost_process_runner.hpp"
#include "testing/temp_dir.hpp"
#include "util/file_text.hpp"

namespace libcdiff::scan {
namespace {

using libcdiff::testing::TempDir;

const std::string kFixtures = LIBCDIFF_SCAN_FIXTURES;
const std::string kPie = kFixtures + "/bin/prog-pie";
const std::string kNoPie = kFixtures + "/bin/prog-nopie";
const std::string kLib = kFixtures + "/lib/libscanfixture.so";

const ElfSymbol* find(const std::vector<ElfSymbol>& list, const std::string& name,
                      const std::string& version = "") {
  const auto it = std::find_if(list.begin(), list.end(), [&](const ElfSymbol& s) {
    return s.name == name && (version.empty() || s.version == version);
  });
  return it == list.end() ? nullptr : &*it;
}

std::string bytes_of(const std::string& path) {
  return util::read_text_if_present(path);
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::span<const std::byte> as_span(const std::string& s) {
  return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}

// objcopy (binutils, there with the host compiler) makes the Go and Rust marked variants of real files.
void objcopy(const std::vector<std::string>& args, const TempDir& dir) {
  exec::BoostProcessRunner runner;
  exec::ProcessSpec spec;
  spec.program = "objcopy";
  spec.args = args;
  spec.stderr_path = dir / "objcopy.err";
  const auto r = runner.run(spec);
  ASSERT_TRUE(r.succeeded()) << "objcopy: " << r.describe() << "\n"
                             << testing::read_text(dir / "objcopy.err");
}

TEST(ReadElf, ReadsADynamicPie) {
  const ElfInfo info = read_elf(kPie);
  EXPECT_EQ(info.path, kPie);
  EXPECT_EQ(info.elf_class, ElfClass::elf64);
  EXPECT_FALSE(info.big_endian);
  EXPECT_EQ(info.machine, "x86_64");
  EXPECT_EQ(info.type, ElfType::shared_object);
  EXPECT_TRUE(info.pie);
  EXPECT_TRUE(info.is_program());
  EXPECT_EQ(info.linkage, Linkage::dynamic);
  EXPECT_EQ(info.interpreter, "/lib64/ld-linux-x86-64.so.2");
  EXPECT_EQ(info.needed, (std::vector<std::string>{"libscanfixture.so", "libc.so.6"}));
  EXPECT_EQ(info.runpath, "$ORIGIN/../lib");
  EXPECT_EQ(info.rpath, "");
  EXPECT_EQ(info.soname, "");
  EXPECT_EQ(info.libc, LinkedLibc::glibc);
  EXPECT_EQ(info.libc_evidence, "PT_INTERP /lib64/ld-linux-x86-64.so.2");
  // Compiled as C++, but nothing of C++'s runtime is used, and --as-needed dropped libstdc++.
  EXPECT_EQ(info.language, Language::c) << info.language_evidence;

  const ElfSymbol* chk = find(info.imports, "__printf_chk");
  ASSERT_NE(chk, nullptr);
  EXPECT_EQ(chk->version, "GLIBC_2.3.4");
  EXPECT_EQ(chk->version_library, "libc.so.6");
  EXPECT_EQ(chk->kind, SymbolKind::function);
  EXPECT_TRUE(chk->plt_relocation);
  EXPECT_FALSE(chk->weak);
  const ElfSymbol* weak = find(info.imports, "fixture_absent_weak");
  ASSERT_NE(weak, nullptr);
  EXPECT_TRUE(weak->weak);
  EXPECT_EQ(weak->version, "");
  const ElfSymbol* versioned = find(info.imports, "fixture_versioned");
  ASSERT_NE(versioned, nullptr);
  EXPECT_EQ(versioned->version, "FIXTURE_2");
  EXPECT_EQ(versioned->version_library, "libscanfixture.so");
  // PIE code reaches extern data through a copy relocation: it is an import, defined in the binary.
  const ElfSymbol* copied = find(info.imports, "__libc_single_threaded");
  ASSERT_NE(copied, nullptr);
  EXPECT_TRUE(copied->copy_relocation);
  EXPECT_EQ(copied->kind, SymbolKind::object);
  EXPECT_EQ(copied->version, "GLIBC_2.32");
  EXPECT_EQ(find(info.exports, "__libc_single_threaded"), nullptr);

  ASSERT_TRUE(info.has_dynamic_relocations);
  EXPECT_EQ(info.relocation_types, (std::vector<std::uint32_t>{R_X86_64_COPY, R_X86_64_GLOB_DAT,
                                                               R_X86_64_JUMP_SLOT, R_X86_64_RELATIVE}));
  const auto libc_need = std::find_if(info.version_needs.begin(), info.version_needs.end(),
                                      [](const VersionNeed& n) { return n.library == "libc.so.6"; });
  ASSERT_NE(libc_need, info.version_needs.end());
  EXPECT_NE(std::find(libc_need->versions.begin(), libc_need->versions.end(), "GLIBC_2.34"),
            libc_need->versions.end());
}

TEST(ReadElf, NonPieExecutableHasCanonicalPltEntries) {
  const ElfInfo info = read_elf(kNoPie);
  EXPECT_EQ(info.type, ElfType::executable);
  EXPECT_FALSE(info.pie);
  EXPECT_TRUE(info.is_program());
  EXPECT_EQ(info.linkage, Linkage::dynamic);
  // Its address is taken in code: undefined, but with the PLT entry's address as its value.
  const ElfSymbol* answer = find(info.imports, "fixture_answer");
  ASSERT_NE(answer, nullptr);
  EXPECT_TRUE(answer->has_address);
  EXPECT_TRUE(answer->plt_relocation);
  EXPECT_FALSE(find(info.imports, "fixture_versioned")->has_address);
}

TEST(ReadElf, SharedLibraryExportsEachVersionOfAName) {
  const ElfInfo info = read_elf(kLib);
  EXPECT_EQ(info.type, ElfType::shared_object);
  EXPECT_FALSE(info.pie);
  EXPECT_FALSE(info.is_program());
  EXPECT_EQ(info.linkage, Linkage::dynamic);
  EXPECT_EQ(info.soname, "libscanfixture.so");
  EXPECT_EQ(info.interpreter, "");
  const ElfSymbol* current = find(info.exports, "fixture_versioned", "FIXTURE_2");
  const ElfSymbol* old = find(info.exports, "fixture_versioned", "FIXTURE_1");
  ASSERT_NE(current, nullptr);
  ASSERT_NE(old, nullptr);
  EXPECT_TRUE(current->default_version);
  EXPECT_FALSE(old->default_version) << "name@FIXTURE_1 is a hidden, non-default version";
  EXPECT_EQ(current->version_library, "");
  ASSERT_NE(find(info.exports, "fixture_answer"), nullptr);
  EXPECT_EQ(find(info.exports, "fixture_versioned_old"), nullptr) << "local: * in the version script";
  // Version-definition symbols (FIXTURE_1, absolute, value 0) are no exports for either loader.
  EXPECT_EQ(find(info.exports, "FIXTURE_1"), nullptr);
}

TEST(ReadElf, GlibcExportsHiddenCompatibilityVersions) {
  const ElfInfo info = read_elf("/lib/x86_64-linux-gnu/libc.so.6");
  EXPECT_EQ(info.soname, "libc.so.6");
  const ElfSymbol* memcpy_new = find(info.exports, "memcpy", "GLIBC_2.14");
  const ElfSymbol* memcpy_old = find(info.exports, "memcpy", "GLIBC_2.2.5");
  ASSERT_NE(memcpy_new, nullptr);
  ASSERT_NE(memcpy_old, nullptr);
  EXPECT_TRUE(memcpy_new->default_version);
  EXPECT_FALSE(memcpy_old->default_version);
  EXPECT_EQ(memcpy_new->kind, SymbolKind::ifunc) << "glibc picks memcpy's implementation per CPU";
  EXPECT_EQ(find(info.exports, "GLIBC_2.2.5"), nullptr);
}

TEST(ReadElf, CxxProgramByItsRuntimeLibrary) {
  const ElfInfo info = read_elf(LIBCDIFF_FAKE_SUITE);
  EXPECT_EQ(info.language, Language::cxx);
  EXPECT_EQ(info.language_evidence, "DT_NEEDED libstdc++.so.6");
}

TEST(ReadElf, StaticProgramDependsOnNoLibc) {
  const ElfInfo info = read_elf(kFixtures + "/bin/static");
  EXPECT_EQ(info.type, ElfType::executable);
  EXPECT_EQ(info.linkage, Linkage::static_exe);
  EXPECT_FALSE(info.pie);
  EXPECT_EQ(info.interpreter, "");
  EXPECT_TRUE(info.needed.empty());
  EXPECT_TRUE(info.imports.empty());
  EXPECT_EQ(info.libc, LinkedLibc::none);
  EXPECT_EQ(info.libc_evidence, "statically linked: no libc at load time");
}

TEST(ReadElf, StaticPieRelocatesItself) {
  // Debian's ldconfig is a static PIE (it must work while the libraries are being changed).
  for (const std::string& path : {kFixtures + "/bin/static-pie", std::string("/sbin/ldconfig")}) {
    SCOPED_TRACE(path);
    const ElfInfo info = read_elf(path);
    EXPECT_EQ(info.type, ElfType::shared_object);
    EXPECT_EQ(info.linkage, Linkage::static_pie);
    EXPECT_TRUE(info.pie);
    EXPECT_TRUE(info.is_program());
    EXPECT_EQ(info.interpreter, "");
    EXPECT_EQ(info.libc, LinkedLibc::none);
  }
}

TEST(ReadElf, ObjectFileIsNotLinked) {
  const ElfInfo info = read_elf("/usr/lib/x86_64-linux-gnu/crt1.o");
  EXPECT_EQ(info.type, ElfType::relocatable);
  EXPECT_EQ(info.linkage, Linkage::none);
  EXPECT_FALSE(info.is_program());
  EXPECT_EQ(info.libc, LinkedLibc::unknown);
}

TEST(ReadElf, GoWithoutCgoByItsBuildIdNote) {
  TempDir dir;
  write_bytes(dir / "id", "go build id");
  objcopy({"--add-section", ".note.go.buildid=" + (dir / "id").string(), kFixtures + "/bin/static",
           (dir / "go").string()},
          dir);
  const ElfInfo info = read_elf(dir / "go");
  EXPECT_EQ(info.language, Language::go);
  EXPECT_EQ(info.language_evidence, "section .note.go.buildid");
  EXPECT_EQ(info.libc, LinkedLibc::none);
  EXPECT_EQ(info.libc_evidence, "Go without cgo: statically linked, no libc at load time");
}

TEST(ReadElf, GoWithCgoLinksTheLibc) {
  // podman (installed by scripts/setup.sh for the container targets) is Go built with cgo.
  if (!std::filesystem::exists("/usr/bin/podman")) GTEST_SKIP() << "/usr/bin/podman is not installed";
  const ElfInfo info = read_elf("/usr/bin/podman");
  EXPECT_EQ(info.language, Language::go);
  EXPECT_EQ(info.linkage, Linkage::dynamic);
  EXPECT_EQ(info.libc, LinkedLibc::glibc);
}

TEST(ReadElf, RustBySectionAndBySymbol) {
  TempDir dir;
  write_bytes(dir / "empty", "");
  objcopy({"--add-section", ".rustc=" + (dir / "empty").string(), kPie, (dir / "section").string()}, dir);
  const ElfInfo by_section = read_elf(dir / "section");
  EXPECT_EQ(by_section.language, Language::rust);
  EXPECT_EQ(by_section.language_evidence, "section .rustc");
  // A Rust program's static symbol table names its panic machinery.
  objcopy({"--add-symbol", "rust_begin_unwind=.text:0,function,global", kPie, (dir / "symbol").string()},
          dir);
  const ElfInfo by_symbol = read_elf(dir / "symbol");
  EXPECT_EQ(by_symbol.language, Language::rust);
  EXPECT_EQ(by_symbol.language_evidence, "symbol rust_begin_unwind");
}

TEST(ReadElf, BadInputIsATypedErrorWithOneLine) {
  TempDir dir;
  testing::write_text(dir / "script", "#!/bin/sh\necho hi\n");
  testing::write_text(dir / "empty", "");
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  const std::vector<std::pair<std::filesystem::path, std::string>> cases = {
      {dir / "script", "is not an ELF file"},
      {dir / "empty", "is empty"},
      {dir.path(), "is a directory"},
      {dir / "absent", "does not exist"},
      {dir / "fifo", "is not a regular file"},  // must not block on open
      {"/usr/lib/x86_64-linux-gnu/libc_nonshared.a", "is an ar archive (a static library), not an ELF file"},
  };
  for (const auto& [path, reason] : cases) {
    try {
      (void)read_elf(path);
      ADD_FAILURE() << path << " was read";
    } catch (const ElfError& e) {
      EXPECT_EQ(e.reason(), reason) << path;
      EXPECT_EQ(e.code(), ExitCode::usage);
      EXPECT_TRUE(e.line().starts_with("libcdiff: error: " + path.string() + ": " + reason + ". "))
          << e.line();
      EXPECT_EQ(e.line().find('\n'), std::string::npos);
    }
  }
}

TEST(ReadElf, TruncatedFilesAreErrorsNotCrashes) {
  const std::string bytes = bytes_of(kPie);
  ASSERT_GT(bytes.size(), 4096u);
  int errors = 0;
  for (std::size_t size : {std::size_t{1}, std::size_t{4}, std::size_t{16}, std::size_t{63}, std::size_t{64},
                           std::size_t{200}, std::size_t{1000}, bytes.size() / 2, bytes.size() - 1}) {
    try {
      (void)read_elf_bytes(as_span(bytes.substr(0, size)), "cut");
    } catch (const ElfError& e) {
      ++errors;
      EXPECT_FALSE(e.reason().empty());
    }
  }
  // The section headers sit at the end of the file: every cut loses them.
  EXPECT_EQ(errors, 9);
  try {
    (void)read_elf_bytes(as_span(bytes.substr(0, bytes.size() - 1)), "cut");
  } catch (const ElfError& e) {
    EXPECT_NE(e.reason().find("section header"), std::string::npos) << e.reason();
  }
}

TEST(ReadElf, CorruptSectionHeaderOffsetIsAnError) {
  std::string bytes = bytes_of(kPie);
  const Elf64_Off far = 0x7fffffff0000;
  std::memcpy(bytes.data() + offsetof(Elf64_Ehdr, e_shoff), &far, sizeof far);
  try {
    (void)read_elf_bytes(as_span(bytes), "corrupt");
    FAIL() << "read";
  } catch (const ElfError& e) {
    EXPECT_NE(e.reason().find("section header"), std::string::npos) << e.reason();
  }
}

TEST(ReadElf, AnotherArchitectureIsReadNotRefused) {
  std::string bytes = bytes_of(kPie);
  const Elf64_Half aarch64 = EM_AARCH64;
  std::memcpy(bytes.data() + offsetof(Elf64_Ehdr, e_machine), &aarch64, sizeof aarch64);
  const ElfInfo info = read_elf_bytes(as_span(bytes), "arm");
  EXPECT_EQ(info.machine, "aarch64");
  EXPECT_EQ(info.machine_code, EM_AARCH64);
  EXPECT_EQ(info.needed, (std::vector<std::string>{"libscanfixture.so", "libc.so.6"}));
}

TEST(ReadElf, BytesAndFileGiveTheSameAnswer) {
  const ElfInfo from_file = read_elf(kPie);
  const ElfInfo from_bytes = read_elf_bytes(as_span(bytes_of(kPie)), kPie);
  EXPECT_EQ(from_file.needed, from_bytes.needed);
  ASSERT_EQ(from_file.imports.size(), from_bytes.imports.size());
  for (std::size_t i = 0; i < from_file.imports.size(); ++i) {
    EXPECT_EQ(from_file.imports[i].name, from_bytes.imports[i].name);
    EXPECT_EQ(from_file.imports[i].version, from_bytes.imports[i].version);
  }
  EXPECT_EQ(from_file.exports.size(), from_bytes.exports.size());
}

long max_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

TEST(ReadElf, AHugeFileIsMappedNotRead) {
  // 5 GiB, sparse: the real program at its start, zeros after it. libelf maps the file and touches
  // only the pages it reads.
  TempDir dir;
  const auto huge = dir / "huge";
  std::filesystem::copy_file(kPie, huge);
  std::filesystem::resize_file(huge, 5ull << 30);
  const long before = max_rss_kib();
  const ElfInfo info = read_elf(huge);
  EXPECT_EQ(info.file_size, 5ull << 30);
  EXPECT_EQ(info.needed, (std::vector<std::string>{"libscanfixture.so", "libc.so.6"}));
  EXPECT_LT(max_rss_kib() - before, 64 * 1024) << "reading the headers must not pull the file into memory";
}

TEST(HasElfMagic, ChecksTheFirstFourBytes) {
  TempDir dir;
  testing::write_text(dir / "script", "#!/bin/sh\n");
  testing::write_text(dir / "short",
                      "\x7f"
                      "EL");
  EXPECT_TRUE(has_elf_magic(kPie));
  EXPECT_TRUE(has_elf_magic("/usr/lib/x86_64-linux-gnu/crt1.o"));
  EXPECT_FALSE(has_elf_magic(dir / "script"));
  EXPECT_FALSE(has_elf_magic(dir / "short"));
  EXPECT_FALSE(has_elf_magic(dir / "absent"));
  EXPECT_FALSE(has_elf_magic(dir.path()));
}

TEST(ElfNames, AreStable) {
  EXPECT_EQ(to_string(Linkage::static_pie), "static-pie");
  EXPECT_EQ(to_string(Linkage::static_exe), "static");
  EXPECT_EQ(to_string(Language::cxx), "c++");
  EXPECT_EQ(to_string(LinkedLibc::musl), "musl");
  EXPECT_EQ(to_string(ElfType::shared_object), "shared-object");
  EXPECT_EQ(to_string(SymbolKind::ifunc), "ifunc");
}

}  // namespace
}  // namespace libcdiff::scan
