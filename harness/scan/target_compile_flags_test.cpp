#include "scan/target_compile_flags.hpp"

#include <gtest/gtest.h>

#include "targets/target.hpp"
#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::scan {
namespace {

namespace fs = std::filesystem;
using Args = std::vector<std::string>;

TEST(TargetCompileFlags, MuslUsesItsSysrootAndTheLibcxxBuiltForIt) {
  const auto flags = target_compile_flags(targets::find_target("musl"), "/cache");
  EXPECT_EQ(flags.c, (Args{"--target=x86_64-linux-musl", "--sysroot=/cache/sysroot/musl-1.2.5",
                           "--gcc-toolchain=/nonexistent"}));
  EXPECT_EQ(flags.cxx, (Args{"--target=x86_64-linux-musl", "--sysroot=/cache/sysroot/musl-1.2.5",
                             "--gcc-toolchain=/nonexistent", "-nostdinc++", "-isystem",
                             "/cache/runtimes/musl-1.2.5/include/c++/v1"}));
  EXPECT_EQ(flags.compiler(SourceLanguage::c), "clang-16");
  EXPECT_EQ(flags.compiler(SourceLanguage::cxx), "clang++-16");
  EXPECT_EQ(target_compile_flags(targets::find_target("musl-1.2.3"), "/cache").sysroot,
            fs::path("/cache/sysroot/musl-1.2.3"));
}

TEST(TargetCompileFlags, GlibcKeepsTheHostHeadersWithTheSameLibcxx) {
  const auto flags = target_compile_flags(targets::find_target("glibc"), "/cache");
  EXPECT_TRUE(flags.c.empty());
  EXPECT_EQ(flags.cxx, (Args{"-nostdinc++", "-isystem", "/cache/runtimes/glibc/include/c++/v1"}));
  EXPECT_TRUE(flags.sysroot.empty());
}

TEST(TargetCompileFlags, TargetsBuiltByOtherCompilersAreRefused) {
  for (const char* id : {"glibc-gcc", "musl-image", "alpine:3.20"}) {
    try {
      target_compile_flags(targets::find_target(id), "/cache");
      ADD_FAILURE() << id << " was accepted";
    } catch (const Fatal& e) {
      EXPECT_EQ(e.code(), ExitCode::usage) << id;
      EXPECT_NE(e.line().find("is not a local clang-16 target"), std::string::npos) << e.line();
    }
  }
}

TEST(TargetCompileFlags, AMissingSysrootOrLibcxxIsNamed) {
  libcdiff::testing::TempDir cache;
  const auto flags = target_compile_flags(targets::find_target("musl"), cache.path());
  EXPECT_EQ(missing_compile_setup(flags, SourceLanguage::c), (flags.sysroot / "usr" / "include").string());
  fs::create_directories(flags.sysroot / "usr" / "include");
  EXPECT_EQ(missing_compile_setup(flags, SourceLanguage::c), "");
  EXPECT_EQ(missing_compile_setup(flags, SourceLanguage::cxx), flags.cxx_headers.string());
  fs::create_directories(flags.cxx_headers);
  EXPECT_EQ(missing_compile_setup(flags, SourceLanguage::cxx), "");
}

}  // namespace
}  // namespace libcdiff::scan
