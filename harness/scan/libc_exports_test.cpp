#include "scan/libc_exports.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "cli/context.hpp"
#include "targets/target.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::scan {
namespace {

bool has_version(const LibcExports& e, const std::string& name, const std::string& version, bool is_default,
                 const std::string& library) {
  const auto* versions = e.find(name);
  if (versions == nullptr) return false;
  return std::any_of(versions->begin(), versions->end(), [&](const ExportedVersion& v) {
    return v.version == version && v.default_version == is_default && v.library == library;
  });
}

TEST(GlibcExports, EveryLibraryOfTheFamilyWithItsVersions) {
  const LibcExports glibc = glibc_exports("/lib/x86_64-linux-gnu");
  EXPECT_EQ(glibc.family, "glibc");
  EXPECT_EQ(glibc.machine, "x86_64");
  EXPECT_EQ(glibc.objects.front(), "/lib/x86_64-linux-gnu/libc.so.6");
  EXPECT_TRUE(has_version(glibc, "memcpy", "GLIBC_2.14", true, "libc.so.6"));
  EXPECT_TRUE(has_version(glibc, "memcpy", "GLIBC_2.2.5", false, "libc.so.6"));
  EXPECT_TRUE(has_version(glibc, "sin", "GLIBC_2.2.5", true, "libm.so.6"));
  EXPECT_TRUE(has_version(glibc, "__printf_chk", "GLIBC_2.3.4", true, "libc.so.6"));
  EXPECT_TRUE(has_version(glibc, "_dl_find_object", "GLIBC_2.35", true, "libc.so.6"));
  EXPECT_TRUE(has_version(glibc, "__tls_get_addr", "GLIBC_2.3", true, "ld-linux-x86-64.so.2"))
      << "the loader";
  EXPECT_TRUE(glibc.exports("res_query")) << "libresolv";
  EXPECT_FALSE(glibc.exports("GLIBC_2.2.5")) << "a version name is no symbol";
  EXPECT_FALSE(glibc.exports("selinux_getenforcemode"));
}

TEST(GlibcExports, AMissingLibcIsAnEnvironmentError) {
  testing::TempDir dir;
  try {
    (void)glibc_exports(dir.path());
    FAIL() << "no error";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::environment);
    EXPECT_NE(e.line().find("libc.so.6: does not exist"), std::string::npos) << e.line();
  }
}

TEST(MuslExports, ReadFromTheTargetsLibcSo) {
  const auto libc_so = musl_libc_so(targets::find_target("musl"), cli::default_cache_dir());
  if (!std::filesystem::exists(libc_so))
    FAIL() << libc_so << " is missing: run scripts/setup.sh, which unpacks musl 1.2.5 into the cache";
  const LibcExports musl = musl_exports(libc_so);
  EXPECT_EQ(musl.family, "musl");
  EXPECT_EQ(musl.machine, "x86_64");
  EXPECT_TRUE(has_version(musl, "printf", "", true, "libc.so"));
  EXPECT_TRUE(musl.exports("qsort_r")) << "musl 1.2.3 added it";
  EXPECT_TRUE(musl.exports("pthread_create")) << "libpthread is part of musl's libc";
  EXPECT_TRUE(musl.exports("sin")) << "libm is part of musl's libc";
  EXPECT_TRUE(musl.exports("crypt")) << "libcrypt is part of musl's libc";
  EXPECT_FALSE(musl.exports("__printf_chk"));
  EXPECT_FALSE(musl.exports("error"));
  EXPECT_FALSE(musl.exports("fopen64")) << "musl 1.2.4 removed the LFS64 names from its API";
  for (const auto& [name, versions] : musl.symbols)
    for (const auto& v : versions) EXPECT_EQ(v.version, "") << name;
}

TEST(MuslExports, GlibcIsRefused) {
  try {
    (void)musl_exports("/lib/x86_64-linux-gnu/libc.so.6");
    FAIL() << "glibc was taken for musl";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::environment);
    EXPECT_NE(e.line().find("is not musl's libc.so"), std::string::npos) << e.line();
  }
}

TEST(MuslLibcSo, FollowsTheTargetsLayout) {
  EXPECT_EQ(musl_libc_so(targets::find_target("musl"), "/cache"),
            "/cache/musl-1.2.5/root/usr/lib/x86_64-linux-musl/libc.so");
  EXPECT_EQ(musl_libc_so(targets::find_target("musl-static"), "/cache"),
            "/cache/musl-1.2.5/root/usr/lib/x86_64-linux-musl/libc.so");
  // bookworm's musl-dev, installed on the host rather than unpacked into the cache
  EXPECT_EQ(musl_libc_so(targets::find_target("musl-1.2.3"), "/cache"), "/lib/ld-musl-x86_64.so.1");
  EXPECT_THROW((void)musl_libc_so(targets::find_target("glibc"), "/cache"), Fatal);
}

}  // namespace
}  // namespace libcdiff::scan
