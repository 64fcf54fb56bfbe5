#include "usertest/test_environment.hpp"

#include <gtest/gtest.h>

#include "exec/boost_process_runner.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::usertest {
namespace {

TEST(TestEnvironment, SkipReasonsThatNameTheEnvironment) {
  EXPECT_EQ(environment_reason("no fr_FR.UTF-8 locale installed"), "locale");
  EXPECT_EQ(environment_reason("Valgrind not found"), "valgrind");
  EXPECT_EQ(environment_reason("needs network access"), "network");
  EXPECT_EQ(environment_reason("printf %n not supported"), "");
}

TEST(TestEnvironment, BareHidesTheGlibcLocales) {
  testing::TempDir dir;
  exec::BoostProcessRunner runner;
  std::filesystem::create_directories(dir / "empty");
  const std::map<std::string, std::string> inherited = {{"PATH", "/usr/bin:/bin"}};
  const auto full = read_test_environment(runner, inherited, dir / "s", false, "");
  const auto bare = read_test_environment(runner, inherited, dir / "s", true, dir / "empty");
  EXPECT_LE(bare.locales.size(), full.locales.size());
  for (const auto& l : bare.locales) EXPECT_TRUE(l == "C" || l == "POSIX" || l.rfind("C.", 0) == 0) << l;
  EXPECT_EQ(describe(bare).at("test.bare").rfind("yes", 0), 0u);
  EXPECT_TRUE(full.tools.count("valgrind"));
}

}  // namespace
}  // namespace libcdiff::usertest
