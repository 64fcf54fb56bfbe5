// A project's compile command turned into a syntax-only check against a target's headers (issue 13,
// item 5). What is kept: the options that change what the source means (-I -D -U -std -f -m -O
// -include -iquote -isystem -idirafter -x -pthread -ansi -nostdinc -Wp,...) and the source file.
// What goes: the compiler, outputs (-o -c -S -E), dependency files (-M*), warnings (-W*), debug
// info, linking, -Xclang/-Xlinker, and everything that selects the host's libc and compiler
// (--sysroot, -isysroot, --target, --gcc-toolchain, -B, -stdlib=, -nostdinc++, include directories
// of glibc, libstdc++ or the host compilers' own headers). Options nothing here knows are dropped too.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "scan/compile_database.hpp"
#include "scan/target_compile_flags.hpp"

namespace libcdiff::scan {

struct SyntaxCheck {
  SourceLanguage language = SourceLanguage::c;
  std::vector<std::string> flags;  // the project's flags that are kept, in their order
  std::filesystem::path file;      // the source file, absolute
  std::filesystem::path directory;
  std::string skipped;  // non-empty: not a C or C++ translation unit, and why ("assembly (.S)")
};

SyntaxCheck syntax_check_for(const CompileCommand& command,
                             const std::string& multiarch = "x86_64-linux-gnu");

// The compiler's arguments (the program is flags.compiler(check.language)): the target's flags, the
// project's, the diagnostics libcdiff parses (syntax only, plain text, absolute paths, source
// ranges, no limit on errors, no warnings), the fallback include directories (-idirafter, in order) and the
// source.
std::vector<std::string> syntax_check_args(const SyntaxCheck& check, const TargetCompileFlags& flags,
                                           const std::vector<std::filesystem::path>& fallback_includes);

}  // namespace libcdiff::scan
