#include "targets/build_environment.hpp"

#include <gtest/gtest.h>

#include "targets/target.hpp"
#include "util/error.hpp"

namespace libcdiff::targets {
namespace {

TEST(BuildEnvironment, MuslSelectsTheSysrootLoaderAndLibcxx) {
  const auto env = build_environment(find_target("musl"), "/c", "/repo");
  EXPECT_EQ(
      *env.find("CC"),
      "clang-16 --target=x86_64-linux-musl --sysroot=/c/sysroot/musl-1.2.5 --gcc-toolchain=/nonexistent "
      "-fuse-ld=lld --rtlib=compiler-rt --unwindlib=libunwind -Qunused-arguments");
  EXPECT_NE(
      env.find("CXX")->find("-isystem /c/runtimes/musl-1.2.5/include/c++/v1 -stdlib=libc++ -fuse-ld=lld"),
      std::string::npos);
  EXPECT_NE(env.find("LDFLAGS")->find("-Wl,--dynamic-linker=/c/sysroot/musl-1.2.5/lib/ld-musl-x86_64.so.1"),
            std::string::npos);
  EXPECT_EQ(*env.find("CMAKE_TOOLCHAIN_FILE"), "/repo/cmake/toolchains/musl.cmake");
  EXPECT_EQ(env.find("PKG_CONFIG_LIBDIR")->find("/c/deps/musl/lib/pkgconfig"), 0u)
      << "never the host's .pc files";
}

TEST(BuildEnvironment, StaticAndGccTargets) {
  const auto s = build_environment(find_target("musl-static"), "/c", "/repo");
  EXPECT_NE(s.find("LDFLAGS")->find("-static"), std::string::npos);
  EXPECT_EQ(s.find("LDFLAGS")->find("dynamic-linker"), std::string::npos);
  EXPECT_TRUE(s.interpreter.empty());
  const auto g = build_environment(find_target("glibc-gcc"), "/c", "/repo");
  EXPECT_EQ(*g.find("CC"), "gcc");
  EXPECT_EQ(g.find("PKG_CONFIG_LIBDIR"), nullptr);
  EXPECT_EQ(g.applied_to({{"CC", "cc"}, {"HOME", "/h"}}).at("CC"), "gcc");
}

TEST(BuildEnvironment, ImageTargetsAreRefusedWithTheWayOut) {
  try {
    build_environment(find_target("musl-image"), "/c", "/repo");
    FAIL();
  } catch (const Fatal& e) {
    EXPECT_NE(e.line().find("Use its host target 'musl'"), std::string::npos) << e.line();
  }
}

TEST(BuildEnvironment, ExportsAreShellQuoted) {
  BuildEnvironment env;
  env.variables = {{"A", "it's x"}, {"B", "plain"}};
  EXPECT_EQ(shell_exports(env), "export A='it'\\''s x'\nexport B=plain\n");
}

}  // namespace
}  // namespace libcdiff::targets
