// A musl program checked against glibc: it cannot load (musl's libc soname and loader), and the
// imports glibc lacks are exactly those glibc's own link rejects when the program's object file,
// compiled by musl's toolchain, is linked by gcc against glibc (libc_nonshared.a included).
#include "scan/glibc_load_check.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "cli/context.hpp"
#include "exec/boost_process_runner.hpp"
#include "targets/target.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::scan {
namespace {

namespace fs = std::filesystem;

bool run(exec::ProcessRunner& runner, const std::string& program, const std::vector<std::string>& args,
         const fs::path& log) {
  exec::ProcessSpec spec;
  spec.program = program;
  spec.args = args;
  spec.stdout_path = log;
  spec.stderr_path = log;
  spec.timeout = std::chrono::seconds(60);
  return runner.run(spec).succeeded();
}

TEST(GlibcLoadCheck, AMuslProgramMissesExactlyWhatGlibcsLinkRejects) {
  const auto cache = cli::default_cache_dir();
  const auto musl_gcc =
      cache / ("musl-" + targets::find_target("musl").musl_release) / "root/usr/bin/x86_64-linux-musl-gcc";
  if (!fs::exists(musl_gcc)) FAIL() << musl_gcc << " is missing. Run scripts/setup.sh.";
  testing::TempDir dir;
  // strlcpy (glibc 2.38+, not this 2.36), issetugid, fgetln: musl-only here; atexit: glibc has it
  // only in libc_nonshared.a; getaddrinfo, strcoll: in both.
  testing::write_text(dir / "prog.c",
                      "#include <netdb.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
                      "#include <unistd.h>\n"
                      "size_t strlcpy(char*, const char*, size_t);\nint issetugid(void);\n"
                      "char* fgetln(FILE*, size_t*);\n"
                      "static void bye(void) {}\n"
                      "int main(int argc, char** argv) {\n"
                      "  char b[8]; size_t n; struct addrinfo* ai = 0; atexit(bye);\n"
                      "  strlcpy(b, argv[0], sizeof b);\n"
                      "  if (argc > 3) fgetln(stdin, &n);\n"
                      "  getaddrinfo(argc > 2 ? argv[2] : \"localhost\", 0, 0, &ai);\n"
                      "  return issetugid() + strcoll(b, \"x\");\n}\n");
  exec::BoostProcessRunner runner;
  ASSERT_TRUE(run(runner, musl_gcc, {"-O1", "-c", (dir / "prog.c").string(), "-o", (dir / "prog.o").string()},
                  dir / "cc.log"))
      << testing::read_text(dir / "cc.log");
  ASSERT_TRUE(
      run(runner, musl_gcc, {(dir / "prog.o").string(), "-o", (dir / "prog").string()}, dir / "ld.log"))
      << testing::read_text(dir / "ld.log");

  const fs::path lib_dir = "/lib/x86_64-linux-gnu";
  const auto musl = musl_exports(musl_libc_so(targets::find_target("musl"), cache));
  GlibcLoadChecker checker(glibc_exports(lib_dir), musl, archive_symbols(glibc_nonshared_archive(lib_dir)));
  const auto report = checker.check(read_elf(dir / "prog"));
  EXPECT_EQ(report.verdict, Verdict::needs_rebuild);
  ASSERT_EQ(report.missing_libraries.size(), 1u);
  EXPECT_EQ(report.missing_libraries[0].name, "libc.so");
  EXPECT_NE(report.interpreter_note.find("/lib/ld-musl-x86_64.so.1"), std::string::npos)
      << report.interpreter_note;
  std::set<std::string> missing;
  for (const auto& m : report.missing_symbols) {
    missing.insert(m.name);
    EXPECT_EQ(m.cause, MissingCause::musl_only) << m.name;
  }

  // glibc's verdict on the same object code: gcc links it against glibc and names what it lacks.
  EXPECT_FALSE(
      run(runner, "gcc", {(dir / "prog.o").string(), "-o", (dir / "prog-glibc").string()}, dir / "gcc.log"));
  const std::string log = testing::read_text(dir / "gcc.log");
  std::set<std::string> rejected;
  const std::regex undefined("undefined reference to `([^']+)'");
  for (std::sregex_iterator it(log.begin(), log.end(), undefined), end; it != end; ++it)
    rejected.insert((*it)[1]);
  EXPECT_EQ(missing, rejected) << log;
  EXPECT_EQ(missing, (std::set<std::string>{"fgetln", "issetugid", "strlcpy"}));
}

TEST(GlibcLoadCheck, LdSoConfIncludesAreFollowedInsideTheRoot) {
  testing::TempDir root;
  testing::write_text(root / "etc/ld.so.conf", "include /etc/ld.so.conf.d/*.conf\n/opt/first\n");
  testing::write_text(root / "etc/ld.so.conf.d/b.conf", "# comment\n/usr/local/lib/b\n");
  testing::write_text(root / "etc/ld.so.conf.d/a.conf", "/usr/local/lib/a /opt/first\n");
  EXPECT_EQ(ld_so_conf_dirs(root.path()),
            (std::vector<std::string>{"/usr/local/lib/a", "/opt/first", "/usr/local/lib/b"}));
  EXPECT_TRUE(ld_so_conf_dirs(root / "none").empty());
}

TEST(GlibcLoadCheck, ArchiveSymbolsReadsGlibcsNonsharedArchive) {
  const auto archive = glibc_nonshared_archive("/lib/x86_64-linux-gnu");
  ASSERT_FALSE(archive.empty()) << "libc6-dev installs libc_nonshared.a";
  const auto symbols = archive_symbols(archive);
  EXPECT_TRUE(symbols.count("atexit"));
  EXPECT_TRUE(symbols.count("at_quick_exit"));
  EXPECT_FALSE(symbols.count("printf"));
  testing::TempDir dir;
  testing::write_text(dir / "not-an-archive", "hello");
  EXPECT_THROW(archive_symbols(dir / "not-an-archive"), ElfError);
  EXPECT_TRUE(archive_symbols(dir / "absent").empty());
}

}  // namespace
}  // namespace libcdiff::scan
