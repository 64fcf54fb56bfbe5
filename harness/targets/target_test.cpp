#include "targets/target.hpp"

#include <gtest/gtest.h>

#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::targets {
namespace {

TEST(Targets, DefaultPairAndReferencesExist) {
  EXPECT_EQ(find_target("musl").libc_family, "musl");
  EXPECT_EQ(find_target("glibc").libc_family, "glibc");
  EXPECT_EQ(find_target("musl-static").link_mode, "static");
  EXPECT_EQ(find_target("musl-1.2.3").musl_release, "1.2.3");
  EXPECT_EQ(find_target("glibc-gcc").compiler, "g++ + libstdc++");
}

TEST(Targets, UnknownTargetSuggestsTheClosestOne) {
  try {
    find_target("mus1");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    EXPECT_NE(e.line().find("Did you mean 'musl'?"), std::string::npos) << e.line();
  }
}

TEST(Targets, ListRejectsDuplicates) {
  EXPECT_THROW(parse_target_list("musl,musl"), Fatal);
}

TEST(Targets, ListKeepsOrder) {
  const auto list = parse_target_list("glibc,musl");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, "glibc");
}

TEST(Targets, MissingSetupNamesTheFirstMissingPiece) {
  testing::TempDir cache;
  const auto musl = find_target("musl");
  EXPECT_NE(missing_setup(musl, cache.path()).find("sysroot/musl-1.2.5"), std::string::npos);
  for (const auto& entry : musl.cache_entries) testing::write_text(cache / entry / ".libcdiff-done", "x");
  EXPECT_EQ(missing_setup(musl, cache.path()), "");
}

TEST(Targets, EveryTargetHasAToolchainFile) {
  for (const auto& t : builtin_targets()) {
    if (t.build_target().empty()) continue;
    EXPECT_TRUE(std::filesystem::exists(toolchain_file(t, LIBCDIFF_SOURCE_DIR))) << t.id;
  }
}

TEST(Targets, ImageTargetsRunTheirHostTwinsBinaries) {
  const auto image = find_target("musl-image");
  EXPECT_EQ(image.runs, Runs::local_image);
  EXPECT_EQ(image.build_target(), "musl");
  EXPECT_EQ(toolchain_file(image, "/repo"), "/repo/cmake/toolchains/musl.cmake");
  EXPECT_EQ(find_target("glibc-image").build_target(), "glibc");
}

TEST(Targets, DistributionTargetsNameTheirBaseImageAndDockerfile) {
  const auto alpine = find_target("alpine:3.20");
  EXPECT_EQ(alpine.runs, Runs::distro_image);
  EXPECT_EQ(alpine.libc_family, "musl");
  EXPECT_EQ(alpine.base_image, "docker.io/library/alpine:3.20");
  EXPECT_EQ(alpine.dockerfile, "docker/alpine.Dockerfile");
  const auto debian = find_target("debian:12");
  EXPECT_EQ(debian.libc_family, "glibc");
  EXPECT_EQ(debian.base_image, "docker.io/library/debian:12-slim");
  EXPECT_EQ(debian.build_target(), "");
  EXPECT_THROW(find_target("alpine:"), Fatal);
  EXPECT_THROW(find_target("alpine:3.20;rm"), Fatal);
  EXPECT_THROW(find_target("fedora:40"), Fatal);
}

}  // namespace
}  // namespace libcdiff::targets
