#include "scan/target_compile_flags.hpp"

#include "targets/target.hpp"
#include "util/error.hpp"

namespace libcdiff::scan {

TargetCompileFlags target_compile_flags(const targets::Target& target,
                                        const std::filesystem::path& cache_dir) {
  if (target.compiler != "clang-16 + libc++ 16" || target.in_container())
    throw usage_error(
        target.id, "is not a local clang-16 target",
        "compile sources against musl, musl-1.2.3 or glibc (the targets setup builds with clang-16)");
  TargetCompileFlags flags;
  flags.target = target.id;
  if (target.libc_family == "musl") {
    flags.sysroot = cache_dir / "sysroot" / ("musl-" + target.musl_release);
    flags.cxx_headers = cache_dir / "runtimes" / ("musl-" + target.musl_release) / "include" / "c++" / "v1";
    // As the toolchain file: the triple selects musl's conventions, the sysroot its headers, and no
    // GCC installation of the host may add its directories.
    flags.c = {"--target=x86_64-linux-musl", "--sysroot=" + flags.sysroot.string(),
               "--gcc-toolchain=/nonexistent"};
  } else {
    flags.cxx_headers = cache_dir / "runtimes" / "glibc" / "include" / "c++" / "v1";
  }
  flags.cxx = flags.c;
  flags.cxx.insert(flags.cxx.end(), {"-nostdinc++", "-isystem", flags.cxx_headers.string()});
  return flags;
}

std::string missing_compile_setup(const TargetCompileFlags& flags, SourceLanguage language) {
  std::error_code ec;
  if (!flags.sysroot.empty() && !std::filesystem::is_directory(flags.sysroot / "usr" / "include", ec))
    return (flags.sysroot / "usr" / "include").string();
  if (language == SourceLanguage::cxx && !std::filesystem::is_directory(flags.cxx_headers, ec))
    return flags.cxx_headers.string();
  return "";
}

}  // namespace libcdiff::scan
