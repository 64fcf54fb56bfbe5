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
  EXPECT_EQ(list[0]->id, "glibc");
}

TEST(Targets, MissingSetupNamesTheFirstMissingPiece) {
  testing::TempDir cache;
  const auto& musl = find_target("musl");
  EXPECT_NE(missing_setup(musl, cache.path()).find("sysroot/musl-1.2.5"), std::string::npos);
  for (const auto& entry : musl.cache_entries) testing::write_text(cache / entry / ".libcdiff-done", "x");
  EXPECT_EQ(missing_setup(musl, cache.path()), "");
}

TEST(Targets, EveryTargetHasAToolchainFile) {
  for (const auto& t : builtin_targets())
    EXPECT_TRUE(std::filesystem::exists(toolchain_file(t, LIBCDIFF_SOURCE_DIR))) << t.id;
}

}  // namespace
}  // namespace libcdiff::targets
