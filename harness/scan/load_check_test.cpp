#include "scan/load_check.hpp"

#include <elf.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <thread>

#include "cli/context.hpp"
#include "targets/target.hpp"
#include "testing/temp_dir.hpp"
#include "util/file_text.hpp"

namespace libcdiff::scan {
namespace {

namespace fs = std::filesystem;
using libcdiff::testing::TempDir;

const std::string kFixtures = LIBCDIFF_SCAN_FIXTURES;

// musl's exports come from the target's libc.so (setup), glibc's from this machine: read once.
class LoadCheck : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    libc_so_ = new fs::path(musl_libc_so(targets::find_target("musl"), cli::default_cache_dir()));
    if (!fs::exists(*libc_so_)) return;
    musl_ = new LibcExports(musl_exports(*libc_so_));
    glibc_ = new LibcExports(glibc_exports("/lib/x86_64-linux-gnu"));
  }
  static void TearDownTestSuite() {
    delete musl_;
    delete glibc_;
    delete libc_so_;
    musl_ = glibc_ = nullptr;
  }
  void SetUp() override {
    if (musl_ == nullptr)
      FAIL() << *libc_so_ << " is missing: run scripts/setup.sh, which unpacks musl 1.2.5 into the cache";
  }

  std::unique_ptr<LoadChecker> checker(const fs::path& root = "/") const {
    return std::make_unique<LoadChecker>(*musl_, *glibc_, LoadCheckOptions{root});
  }
  // Copies a real file into the scratch root at `in_root`.
  static void install(const TempDir& root, const fs::path& from, const std::string& in_root) {
    const fs::path to = root.path() / in_root.substr(1);
    fs::create_directories(to.parent_path());
    fs::copy_file(from, to);
  }
  static std::vector<std::string> names(const std::vector<MissingSymbol>& missing) {
    std::vector<std::string> out;
    for (const auto& m : missing)
      out.push_back(m.name + "@" + m.version + " " + to_string(m.cause) + " " + m.object);
    return out;
  }

  static fs::path* libc_so_;
  static LibcExports* musl_;
  static LibcExports* glibc_;
};

fs::path* LoadCheck::libc_so_ = nullptr;
LibcExports* LoadCheck::musl_ = nullptr;
LibcExports* LoadCheck::glibc_ = nullptr;

TEST_F(LoadCheck, OneMissingSymbolPerCause) {
  TempDir root;
  install(root, kFixtures + "/bin/prog-pie", "/usr/bin/prog");
  install(root, kFixtures + "/lib/libscanfixture.so", "/usr/lib/libscanfixture.so");
  const LoadReport report = checker(root.path())->check(read_elf(root / "usr/bin/prog"), "/usr/bin/prog");
  EXPECT_EQ(report.verdict, Verdict::needs_rebuild);
  EXPECT_EQ(report.path, "/usr/bin/prog");
  // Satisfied: the library through RUNPATH $ORIGIN/../lib and its versioned name, fopen64 (musl's
  // loader maps LFS64 names), the weak import nothing defines.
  EXPECT_EQ(names(report.missing_symbols),
            (std::vector<std::string>{"__printf_chk@GLIBC_2.3.4 fortify /usr/bin/prog",
                                      "__libc_single_threaded@GLIBC_2.32 glibc-private /usr/bin/prog",
                                      "error@GLIBC_2.2.5 gnu-extension /usr/bin/prog"}));
  EXPECT_TRUE(report.missing_libraries.empty());
  EXPECT_TRUE(report.unsupported_relocations.empty());
  ASSERT_EQ(report.objects.size(), 3u);
  EXPECT_EQ(report.objects[0].path, "/usr/bin/prog");
  EXPECT_EQ(report.objects[1].name, "libscanfixture.so");
  EXPECT_EQ(report.objects[1].path, "/usr/bin/../lib/libscanfixture.so");
  EXPECT_EQ(report.objects[1].needed_by, "/usr/bin/prog");
  EXPECT_FALSE(report.objects[1].is_libc);
  EXPECT_EQ(report.objects[2].name, "libc.so.6");
  EXPECT_TRUE(report.objects[2].is_libc);
  EXPECT_EQ(report.objects[2].path, libc_so_->string());

  // musl ignores versions: noted, not failed. glibc has __libc_start_main@GLIBC_2.2.5 and @@GLIBC_2.34.
  for (const char* v : {"GLIBC_2.34", "GLIBC_2.3.4", "GLIBC_2.32", "GLIBC_2.2.5"})
    EXPECT_NE(std::find(report.required_versions.begin(), report.required_versions.end(), v),
              report.required_versions.end())
        << v;
  EXPECT_EQ(std::find(report.required_versions.begin(), report.required_versions.end(), "FIXTURE_2"),
            report.required_versions.end())
      << "versions of other libraries are not the libc's";
  const auto start = std::find_if(report.versioned_only.begin(), report.versioned_only.end(),
                                  [](const VersionNote& n) { return n.name == "__libc_start_main"; });
  ASSERT_NE(start, report.versioned_only.end());
  EXPECT_EQ(start->version, "GLIBC_2.34");
  EXPECT_NE(report.interpreter_note.find("/lib64/ld-linux-x86-64.so.2"), std::string::npos);
}

TEST_F(LoadCheck, NonPieExecutableTheSame) {
  TempDir root;
  install(root, kFixtures + "/bin/prog-nopie", "/bin/prog");
  install(root, kFixtures + "/lib/libscanfixture.so", "/lib/libscanfixture.so");
  const LoadReport report = checker(root.path())->check(read_elf(root / "bin/prog"), "/bin/prog");
  EXPECT_EQ(names(report.missing_symbols),
            (std::vector<std::string>{"__printf_chk@GLIBC_2.3.4 fortify /bin/prog",
                                      "__libc_single_threaded@GLIBC_2.32 glibc-private /bin/prog",
                                      "error@GLIBC_2.2.5 gnu-extension /bin/prog"}));
}

TEST_F(LoadCheck, AMissingLibrarySaysWhereItWasSought) {
  TempDir root;
  install(root, kFixtures + "/bin/prog-pie", "/usr/bin/prog");
  const LoadReport report = checker(root.path())->check(read_elf(root / "usr/bin/prog"), "/usr/bin/prog");
  EXPECT_EQ(report.verdict, Verdict::needs_rebuild);
  ASSERT_EQ(report.missing_libraries.size(), 1u);
  EXPECT_EQ(report.missing_libraries[0].name, "libscanfixture.so");
  EXPECT_EQ(report.missing_libraries[0].needed_by, "/usr/bin/prog");
  // RUNPATH first, then musl's default path (no etc/ld-musl-x86_64.path in this root).
  EXPECT_EQ(report.missing_libraries[0].reason, "not found in /usr/bin/../lib:/lib:/usr/local/lib:/usr/lib");
  // What the library would have provided is missing as well, and glibc does not have it either.
  const auto names_found = names(report.missing_symbols);
  EXPECT_NE(std::find(names_found.begin(), names_found.end(),
                      "fixture_answer@FIXTURE_1 not-in-glibc /usr/bin/prog"),
            names_found.end());
  EXPECT_NE(std::find(names_found.begin(), names_found.end(),
                      "fixture_versioned@FIXTURE_2 not-in-glibc /usr/bin/prog"),
            names_found.end());
}

TEST_F(LoadCheck, ThePathFileReplacesTheDefaultPath) {
  TempDir root;
  install(root, kFixtures + "/bin/prog-pie", "/usr/bin/prog");
  install(root, kFixtures + "/lib/libscanfixture.so", "/opt/fixture/libscanfixture.so");
  const auto info = read_elf(root / "usr/bin/prog");
  EXPECT_EQ(checker(root.path())->check(info, "/usr/bin/prog").missing_libraries.size(), 1u);

  // The prefix of the path file comes from the program's PT_INTERP, /lib64/ld-linux-x86-64.so.2: /etc.
  testing::write_text(root / "etc/ld-musl-x86_64.path", "/nowhere\n/opt/fixture\n");
  const LoadReport report = checker(root.path())->check(info, "/usr/bin/prog");
  EXPECT_TRUE(report.missing_libraries.empty());
  ASSERT_GE(report.objects.size(), 2u);
  EXPECT_EQ(report.objects[1].path, "/opt/fixture/libscanfixture.so");

  // With a path file, /lib is no longer searched.
  TempDir other;
  install(other, kFixtures + "/bin/prog-pie", "/usr/bin/prog");
  install(other, kFixtures + "/lib/libscanfixture.so", "/lib/libscanfixture.so");
  testing::write_text(other / "etc/ld-musl-x86_64.path", "/usr/local/lib\n");
  const LoadReport without = checker(other.path())->check(info, "/usr/bin/prog");
  ASSERT_EQ(without.missing_libraries.size(), 1u);
  EXPECT_EQ(without.missing_libraries[0].reason, "not found in /usr/bin/../lib:/usr/local/lib");
}

TEST_F(LoadCheck, SymlinksResolveInsideTheRoot) {
  TempDir root;
  install(root, kFixtures + "/bin/prog-pie", "/usr/bin/prog");
  install(root, kFixtures + "/lib/libscanfixture.so", "/opt/real/libscanfixture.so.1");
  fs::create_directories(root / "usr/lib");
  fs::create_symlink("/opt/real/libscanfixture.so.1", root / "usr/lib/libscanfixture.so");
  const LoadReport report = checker(root.path())->check(read_elf(root / "usr/bin/prog"), "/usr/bin/prog");
  EXPECT_TRUE(report.missing_libraries.empty());
  EXPECT_EQ(report.missing_symbols.size(), 3u);
}

TEST_F(LoadCheck, StaticProgramsAndObjectsAreNotDynamic) {
  auto c = checker();
  const LoadReport plain = c->check(read_elf(kFixtures + "/bin/static"));
  EXPECT_EQ(plain.verdict, Verdict::not_dynamic);
  EXPECT_EQ(plain.reason, "is linked statically (static): it does not load a libc");
  EXPECT_TRUE(plain.missing_symbols.empty());
  EXPECT_EQ(c->check(read_elf(kFixtures + "/bin/static-pie")).reason,
            "is linked statically (static-pie): it does not load a libc");
  const LoadReport object = c->check(read_elf("/usr/lib/x86_64-linux-gnu/crt1.o"));
  EXPECT_EQ(object.verdict, Verdict::not_dynamic);
  EXPECT_EQ(object.reason, "is not a program or a shared library (relocatable)");
}

TEST_F(LoadCheck, AnotherArchitectureIsWrongArch) {
  std::string bytes = util::read_text_if_present(kFixtures + "/bin/prog-pie");
  const Elf64_Half aarch64 = EM_AARCH64;
  std::memcpy(bytes.data() + offsetof(Elf64_Ehdr, e_machine), &aarch64, sizeof aarch64);
  const auto info =
      read_elf_bytes({reinterpret_cast<const std::byte*>(bytes.data()), bytes.size()}, "arm-prog");
  const LoadReport report = checker()->check(info);
  EXPECT_EQ(report.verdict, Verdict::wrong_arch);
  EXPECT_EQ(report.reason, "is built for aarch64; the target libc is for x86_64");
}

TEST_F(LoadCheck, GlibcsIfuncRelocationsAreUnsupported) {
  // libm.so.6 picks implementations per CPU with IFUNCs: R_X86_64_IRELATIVE, which musl does not do.
  const LoadReport report = checker()->check(read_elf("/lib/x86_64-linux-gnu/libm.so.6"));
  EXPECT_EQ(report.verdict, Verdict::needs_rebuild);
  ASSERT_EQ(report.unsupported_relocations.size(), 1u);
  EXPECT_EQ(report.unsupported_relocations[0].object, "/lib/x86_64-linux-gnu/libm.so.6");
  EXPECT_EQ(report.unsupported_relocations[0].type, 37u);
  EXPECT_EQ(report.unsupported_relocations[0].type_name, "R_X86_64_IRELATIVE");
}

TEST_F(LoadCheck, ARelocationAgainstItsOwnHiddenVersionIsMissing) {
  // libgcc_s.so.1 relocates against __cpu_model@GCC_4.8.0, which it defines itself, but only under
  // a hidden (non-default) version: musl's lookup skips those (versym < 0), so nothing binds it.
  const LoadReport report = checker()->check(read_elf("/lib/x86_64-linux-gnu/libgcc_s.so.1"));
  const auto n = names(report.missing_symbols);
  EXPECT_NE(
      std::find_if(n.begin(), n.end(), [](const std::string& s) { return s.starts_with("__cpu_model@"); }),
      n.end())
      << ::testing::PrintToString(n);
}

TEST_F(LoadCheck, SeveralThreadsShareOneChecker) {
  TempDir root;
  install(root, kFixtures + "/bin/prog-pie", "/usr/bin/prog");
  install(root, kFixtures + "/lib/libscanfixture.so", "/usr/lib/libscanfixture.so");
  auto c = checker(root.path());
  const auto info = read_elf(root / "usr/bin/prog");
  const auto expected = names(c->check(info, "/usr/bin/prog").missing_symbols);
  std::vector<std::thread> threads;
  std::vector<int> agree(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i)
        agree[t] += names(c->check(info, "/usr/bin/prog").missing_symbols) == expected;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(agree, (std::vector<int>{20, 20, 20, 20}));
}

TEST_F(LoadCheck, CausesByName) {
  EXPECT_EQ(classify_missing("__printf_chk", *glibc_), MissingCause::fortify);
  EXPECT_EQ(classify_missing("__longjmp_chk", *glibc_), MissingCause::fortify);
  EXPECT_EQ(classify_missing("__open64_2", *glibc_), MissingCause::fortify);
  EXPECT_EQ(classify_missing("__register_atfork", *glibc_), MissingCause::glibc_private);
  EXPECT_EQ(classify_missing("__libc_dynarray_resize", *glibc_), MissingCause::glibc_private);
  EXPECT_EQ(classify_missing("__nss_configure_lookup", *glibc_), MissingCause::glibc_private);
  EXPECT_EQ(classify_missing("_dl_find_object", *glibc_), MissingCause::glibc_private);
  EXPECT_EQ(classify_missing("_libc_intl_domainname", *glibc_), MissingCause::glibc_private);
  EXPECT_EQ(classify_missing("_IO_getc", *glibc_), MissingCause::glibc_private);
  EXPECT_EQ(classify_missing("error", *glibc_), MissingCause::gnu_extension);
  EXPECT_EQ(classify_missing("getaliasent", *glibc_), MissingCause::gnu_extension);
  EXPECT_EQ(classify_missing("is_selinux_enabled", *glibc_), MissingCause::not_in_glibc);
  EXPECT_EQ(to_string(MissingCause::glibc_private), "glibc-private");
  EXPECT_EQ(to_string(Verdict::needs_rebuild), "needs-rebuild");
}

TEST(MuslReservedNames, AreExactlyThoseOfItsLoader) {
  for (const char* name : {"libc.so.6", "libc.so", "libc.musl-x86_64.so.1", "libm.so.6", "libpthread.so.0",
                           "libdl.so.2", "librt.so.1", "libutil.so.1", "libxnet.so"})
    EXPECT_TRUE(is_musl_reserved_name(name)) << name;
  for (const char* name : {"libcrypt.so.1", "libresolv.so.2", "libc++.so.1", "libcap.so.2", "libmount.so.1",
                           "ld-linux-x86-64.so.2", "libanl.so.1", "libc", "c.so"})
    EXPECT_FALSE(is_musl_reserved_name(name)) << name;
}

TEST(MuslLdsoArch, NamesThePathFile) {
  EXPECT_EQ(musl_ldso_arch("x86_64"), "x86_64");
  EXPECT_EQ(musl_ldso_arch("aarch64"), "aarch64");
  EXPECT_EQ(musl_ldso_arch("ppc64"), "") << "its name carries endian and float suffixes: not modelled";
  EXPECT_EQ(musl_ldso_arch("machine 183"), "");
}

}  // namespace
}  // namespace libcdiff::scan
