#include "scan/syntax_command.hpp"

#include <gtest/gtest.h>

#include "targets/target.hpp"

namespace libcdiff::scan {
namespace {

namespace fs = std::filesystem;
using Args = std::vector<std::string>;

CompileCommand command(std::vector<std::string> args, const std::string& file = "/src/a.c",
                       const std::string& directory = "/build") {
  return {directory, file, std::move(args)};
}

TEST(SyntaxCommand, ACMakeCommandKeepsWhatChangesTheMeaningOfTheSource) {
  // As /work/main/build/compile_commands.json has it (split).
  const auto check = syntax_check_for(command({"/usr/bin/c++",
                                               "-DBOOST_ALL_NO_LIB",
                                               "-DLIBCDIFF_VERSION=\"0.1.0\"",
                                               "-I/work/main/harness",
                                               "-isystem",
                                               "/usr/include/x86_64-linux-gnu",
                                               "-O2",
                                               "-g",
                                               "-DNDEBUG",
                                               "-Wall",
                                               "-Wextra",
                                               "-std=c++20",
                                               "-MD",
                                               "-MT",
                                               "x.o",
                                               "-MF",
                                               "x.o.d",
                                               "-o",
                                               "harness/x.cpp.o",
                                               "-c",
                                               "/work/main/harness/cli/app.cpp"},
                                              "/work/main/harness/cli/app.cpp", "/work/main/build"));
  EXPECT_EQ(check.skipped, "");
  EXPECT_EQ(check.language, SourceLanguage::cxx);
  EXPECT_EQ(check.flags, (Args{"-DBOOST_ALL_NO_LIB", "-DLIBCDIFF_VERSION=\"0.1.0\"", "-I/work/main/harness",
                               "-O2", "-DNDEBUG", "-std=c++20"}));
  EXPECT_EQ(check.file, fs::path("/work/main/harness/cli/app.cpp"));
  EXPECT_EQ(check.directory, fs::path("/work/main/build"));
}

TEST(SyntaxCommand, TheHostsLibcCompilerAndLinkerOptionsGo) {
  const auto check = syntax_check_for(command({"ccache",
                                               "gcc",
                                               "--sysroot=/",
                                               "--sysroot",
                                               "/",
                                               "-isysroot",
                                               "/",
                                               "--target=x86_64-linux-gnu",
                                               "-target",
                                               "x86_64-linux-gnu",
                                               "--gcc-toolchain=/usr",
                                               "-B",
                                               "/usr/lib/gcc",
                                               "-I/usr/include",
                                               "-I",
                                               "/usr/include/",
                                               "-isystem",
                                               "/usr/include/c++/12",
                                               "-isystem/usr/lib/gcc/x86_64-linux-gnu/12/include",
                                               "-idirafter",
                                               "/usr/lib/llvm-16/lib/clang/16/include",
                                               "-Iinclude",
                                               "-I",
                                               "../gen",
                                               "-isystem",
                                               "/usr/include/glib-2.0",
                                               "-iquote",
                                               "q",
                                               "-Wl,--as-needed",
                                               "-Wa,--noexecstack",
                                               "-Wp,-D_FORTIFY_SOURCE=2",
                                               "-Wp,-MD,x.d",
                                               "-Werror=format-security",
                                               "-pedantic-errors",
                                               "-w",
                                               "-ggdb3",
                                               "-L/usr/lib",
                                               "-lm",
                                               "-l",
                                               "dl",
                                               "-pthread",
                                               "-fPIC",
                                               "-fstack-protector-strong",
                                               "-fdiagnostics-color=always",
                                               "-fdiagnostics-format=json",
                                               "-fno-show-column",
                                               "-fmax-errors=3",
                                               "-march=x86-64-v2",
                                               "-mllvm",
                                               "-x86-asm-syntax=intel",
                                               "-Xclang",
                                               "-include-pch",
                                               "-Xclang",
                                               "p.pch",
                                               "-include-pch",
                                               "p.pch",
                                               "-include",
                                               "config.h",
                                               "-stdlib=libstdc++",
                                               "-nostdinc++",
                                               "-UNDEBUG",
                                               "-U",
                                               "X",
                                               "-D",
                                               "Y=1",
                                               "-ansi",
                                               "-c",
                                               "a.c",
                                               "-o",
                                               "a.o"}));
  EXPECT_EQ(check.flags,
            (Args{"-Iinclude", "-I../gen", "-isystem", "/usr/include/glib-2.0", "-iquote", "q",
                  "-Wp,-D_FORTIFY_SOURCE=2", "-pthread", "-fPIC", "-fstack-protector-strong",
                  "-march=x86-64-v2", "-include", "config.h", "-UNDEBUG", "-U", "X", "-D", "Y=1", "-ansi"}));
  EXPECT_EQ(check.language, SourceLanguage::c) << "the launcher's compiler is gcc";
}

TEST(SyntaxCommand, TheLanguageComesFromXTheExtensionOrTheCompiler) {
  EXPECT_EQ(syntax_check_for(command({"cc", "-c", "a.cc"}, "/src/a.cc")).language, SourceLanguage::cxx);
  EXPECT_EQ(syntax_check_for(command({"cc", "-c", "a.C"}, "/src/a.C")).language, SourceLanguage::cxx);
  EXPECT_EQ(syntax_check_for(command({"g++", "-c", "a.h"}, "/src/a.h")).language, SourceLanguage::cxx);
  EXPECT_EQ(syntax_check_for(command({"gcc", "-c", "a.h"}, "/src/a.h")).language, SourceLanguage::c);
  const auto x = syntax_check_for(command({"gcc", "-x", "c++", "-c", "a.c"}));
  EXPECT_EQ(x.language, SourceLanguage::cxx);
  EXPECT_EQ(x.flags, (Args{"-x", "c++"}));
  EXPECT_EQ(syntax_check_for(command({"gcc", "-xc++", "-c", "a.c"})).language, SourceLanguage::cxx);
  EXPECT_EQ(syntax_check_for(command({"gcc", "-x", "none", "-c", "a.c"})).skipped, "");
  EXPECT_EQ(syntax_check_for(command({"gcc", "-x", "assembler-with-cpp", "-c", "a.c"})).skipped,
            "-x assembler-with-cpp (not C or C++)");
  EXPECT_EQ(syntax_check_for(command({"gcc", "-c", "a.S"}, "/src/a.S")).skipped, "assembly (.S)");
  EXPECT_EQ(syntax_check_for(command({"gcc", "-c", "a.i"}, "/src/a.i")).skipped, "already preprocessed (.i)");
  EXPECT_EQ(syntax_check_for(command({"nvcc", "-c", "a.cu"}, "/src/a.cu")).skipped, "not C or C++ (.cu)");
}

TEST(SyntaxCommand, TheCompileUsesTheTargetsFlagsTheProjectsAndTheDiagnosticsLibcdiffReads) {
  const auto flags = target_compile_flags(targets::find_target("musl"), "/cache");
  auto check = syntax_check_for(command({"gcc", "-Iinc", "-DX", "-c", "a.c"}));
  EXPECT_EQ(syntax_check_args(check, flags, {"/overlay/include", "/stand-ins"}),
            (Args{"--target=x86_64-linux-musl", "--sysroot=/cache/sysroot/musl-1.2.5",
                  "--gcc-toolchain=/nonexistent", "-Iinc", "-DX", "-fsyntax-only", "-fno-color-diagnostics",
                  "-fno-caret-diagnostics", "-fno-diagnostics-fixit-info", "-fdiagnostics-absolute-paths",
                  "-fdiagnostics-print-source-range-info", "-fmessage-length=0", "-ferror-limit=0", "-w",
                  "-idirafter", "/overlay/include", "-idirafter", "/stand-ins", "/src/a.c"}));
  check.language = SourceLanguage::cxx;
  const auto args = syntax_check_args(check, flags, {});
  EXPECT_EQ(Args(args.begin(), args.begin() + 6),
            (Args{"--target=x86_64-linux-musl", "--sysroot=/cache/sysroot/musl-1.2.5",
                  "--gcc-toolchain=/nonexistent", "-nostdinc++", "-isystem",
                  "/cache/runtimes/musl-1.2.5/include/c++/v1"}));
}

}  // namespace
}  // namespace libcdiff::scan
