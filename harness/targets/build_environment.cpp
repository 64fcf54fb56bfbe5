#include "targets/build_environment.hpp"

#include "scan/target_compile_flags.hpp"
#include "targets/target.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::targets {
namespace {

std::string joined(const std::string& program, const std::vector<std::string>& flags) {
  std::string out = program;
  for (const auto& f : flags) out += " " + f;
  return out;
}

// Which linker and runtime libraries the driver picks. They live in CC/CXX, not LDFLAGS: libtool
// drops flags it does not know when it links a shared library (fribidi's libtool then ran the host's
// ld looking for libgcc). -Qunused-arguments keeps compile-only invocations quiet about them.
const std::vector<std::string> kDriverLinkFlags = {"-fuse-ld=lld", "--rtlib=compiler-rt",
                                                   "--unwindlib=libunwind", "-Qunused-arguments"};

// As the toolchain file's CMAKE_EXE_LINKER_FLAGS_INIT: libc++, libunwind and compiler-rt come as
// static archives from the target's runtimes directory, so only the libc itself is dynamic.
std::vector<std::string> clang_link_flags(const Target& target, const std::filesystem::path& runtimes,
                                          const std::filesystem::path& interpreter) {
  std::vector<std::string> flags = {"-L" + runtimes.string() + "/lib"};
  if (target.link_mode == "static") flags.push_back("-static");
  if (!interpreter.empty()) flags.push_back("-Wl,--dynamic-linker=" + interpreter.string());
  return flags;
}

}  // namespace

const std::string* BuildEnvironment::find(const std::string& name) const {
  for (const auto& [k, v] : variables)
    if (k == name) return &v;
  return nullptr;
}

std::map<std::string, std::string> BuildEnvironment::applied_to(
    std::map<std::string, std::string> base) const {
  for (const auto& [k, v] : variables) base[k] = v;
  return base;
}

BuildEnvironment build_environment(const Target& target, const std::filesystem::path& cache_dir,
                                   const std::filesystem::path& repo_root) {
  if (target.in_container())
    throw usage_error(
        target.id, "is an image target, whose binaries are built by another toolchain",
        target.runs == Runs::local_image
            ? "use its host target '" + target.binaries_of + "' (the same binaries run in the image)"
            : "'libcdiff env " + target.id +
                  " -- CMD' runs a command inside the image with its distribution's compiler; a local target "
                  "builds here: musl, musl-static, musl-1.2.3, glibc, glibc-gcc");
  BuildEnvironment env;
  env.target = target.id;
  auto& vars = env.variables;
  const auto toolchain = toolchain_file(target, repo_root);
  if (target.compiler == "g++ + libstdc++") {
    vars = {{"CC", "gcc"}, {"CXX", "g++"}, {"CFLAGS", ""}, {"CXXFLAGS", ""}, {"LDFLAGS", ""}};
  } else {
    const auto flags = scan::target_compile_flags(target, cache_dir);
    const auto runtimes = flags.cxx_headers.parent_path().parent_path().parent_path();
    if (target.libc_family == "musl" && target.link_mode != "static") {
      // The loader link resolved now, as the toolchain file does: the binaries name exactly this
      // musl, whatever is installed (or not) as /lib/ld-musl-x86_64.so.1.
      std::error_code ec;
      const auto link = flags.sysroot / "lib" / "ld-musl-x86_64.so.1";
      const auto real = std::filesystem::canonical(link, ec);
      env.interpreter = ec ? link : real;
    }
    // The target-selecting flags live in CC/CXX themselves (as musl-gcc does), so a project that
    // sets its own CFLAGS keeps compiling for the target; LDFLAGS holds what only links need.
    std::vector<std::string> c_flags = flags.c;
    c_flags.insert(c_flags.end(), kDriverLinkFlags.begin(), kDriverLinkFlags.end());
    std::vector<std::string> cxx_flags = flags.cxx;
    cxx_flags.push_back("-stdlib=libc++");
    cxx_flags.insert(cxx_flags.end(), kDriverLinkFlags.begin(), kDriverLinkFlags.end());
    vars = {{"CC", joined(flags.c_compiler, c_flags)},
            {"CXX", joined(flags.cxx_compiler, cxx_flags)},
            {"CFLAGS", ""},
            {"CXXFLAGS", ""},
            {"LDFLAGS", joined("", clang_link_flags(target, runtimes, env.interpreter)).substr(1)},
            {"AR", "llvm-ar-16"},
            {"RANLIB", "llvm-ranlib-16"},
            {"NM", "llvm-nm-16"}};
    if (!flags.sysroot.empty()) vars.push_back({"LIBCDIFF_SYSROOT", flags.sysroot.string()});
  }
  // pkg-config finds the target's own libraries (GoogleTest and Benchmark built for it) and, for
  // musl, never the host's glibc-built ones.
  const auto deps = cache_dir / "deps" / (target.id == "musl-static" ? "musl" : target.id);
  std::string pc = (deps / "lib" / "pkgconfig").string();
  if (target.libc_family == "musl") {
    pc += ":" +
          (cache_dir / "sysroot" / ("musl-" + target.musl_release) / "usr" / "lib" / "pkgconfig").string();
    vars.push_back({"PKG_CONFIG_LIBDIR", pc});
  } else {
    vars.push_back({"PKG_CONFIG_PATH", pc});
  }
  vars.push_back({"CMAKE_TOOLCHAIN_FILE", toolchain.string()});
  vars.push_back({"LIBCDIFF_CACHE_DIR", cache_dir.string()});
  vars.push_back({"LIBCDIFF_TARGET", target.id});
  return env;
}

std::string shell_exports(const BuildEnvironment& env) {
  std::string out;
  for (const auto& [k, v] : env.variables) out += "export " + k + "=" + util::shell_quote(v) + "\n";
  return out;
}

}  // namespace libcdiff::targets
