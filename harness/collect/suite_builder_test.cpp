#include "collect/suite_builder.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <thread>

#include "testing/fake_process_runner.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::collect {
namespace {

using libcdiff::testing::exited;

using libcdiff::testing::FakeProcessRunner;
using libcdiff::testing::TempDir;

struct BuilderTest : ::testing::Test {
  TempDir dir;
  FakeProcessRunner runner;
  targets::Target glibc = targets::find_target("glibc");
  BuildRequest request() {
    return {.target = &glibc,
            .repo_root = LIBCDIFF_SOURCE_DIR,
            .build_dir = dir / "glibc",
            .areas = {"locale", "threads"},
            .bench_areas = {},
            .environment = {},
            .cache_dir = dir / "cache",
            .on_wait = {}};
  }
  // A configure that "succeeds" leaves a build.ninja, as CMake would.
  void configure_succeeds() {
    runner.respond = [this](const exec::ProcessSpec& spec) {
      if (spec.args[0] == "-S") libcdiff::testing::write_text(dir / "glibc" / "build.ninja", "");
      return exited(0);
    };
  }
};

TEST_F(BuilderTest, ConfiguresOnceThenBuildsEachAreaOnItsOwn) {
  configure_succeeds();
  const auto result = build_suites(runner, request());
  EXPECT_TRUE(result.configure_error.empty());
  ASSERT_EQ(runner.calls.size(), 3u);
  EXPECT_EQ(runner.calls[0].args[0], "-S");
  EXPECT_EQ(runner.calls[1].args.back(), "suite_locale");
  EXPECT_EQ(result.areas.at("threads").binary, dir / "glibc" / "suite_threads");
  runner.calls.clear();
  build_suites(runner, request());
  EXPECT_EQ(runner.calls.size(), 2u) << "an unchanged tree is not configured again";
}

TEST_F(BuilderTest, ConfigureFailureQuotesTheFirstErrorLine) {
  runner.respond = [this](const exec::ProcessSpec& spec) {
    libcdiff::testing::write_text(spec.stdout_path, "-- ok\nCMake Error at x.cmake:3: no compiler\nmore\n");
    (void)this;
    return exited(1);
  };
  const auto result = build_suites(runner, request());
  EXPECT_NE(result.configure_error.find("CMake Error at x.cmake:3: no compiler"), std::string::npos)
      << result.configure_error;
  EXPECT_TRUE(result.areas.empty());
}

TEST_F(BuilderTest, OneAreaFailingLeavesTheOthersBuilt) {
  runner.respond = [this](const exec::ProcessSpec& spec) {
    if (spec.args[0] == "-S") libcdiff::testing::write_text(dir / "glibc" / "build.ninja", "");
    if (spec.args.back() == "suite_locale") {
      libcdiff::testing::write_text(spec.stdout_path, "names.cpp:3:1: error: expected ';'\n");
      return exited(1);
    }
    return exited(0);
  };
  const auto result = build_suites(runner, request());
  EXPECT_NE(result.areas.at("locale").error.find("names.cpp:3:1: error"), std::string::npos);
  EXPECT_TRUE(result.areas.at("locale").binary.empty()) << "never a stale binary";
  EXPECT_FALSE(result.areas.at("threads").binary.empty());
}

TEST_F(BuilderTest, ChangedSetupStampsForceAFreshConfigure) {
  configure_succeeds();
  build_suites(runner, request());
  libcdiff::testing::write_text(dir / "cache" / "runtimes" / "glibc" / ".libcdiff-done", "rebuilt");
  runner.calls.clear();
  configure_succeeds();
  build_suites(runner, request());
  ASSERT_FALSE(runner.calls.empty());
  EXPECT_EQ(runner.calls[0].args[0], "-S");
}

TEST_F(BuilderTest, ADifferentCacheDirectoryForcesAFreshConfigure) {
  configure_succeeds();
  build_suites(runner, request());
  runner.calls.clear();
  configure_succeeds();
  auto moved = request();
  moved.cache_dir = dir / "other-cache";  // LIBCDIFF_CACHE_DIR switched: same stamps, other files
  build_suites(runner, moved);
  ASSERT_FALSE(runner.calls.empty());
  EXPECT_EQ(runner.calls[0].args[0], "-S");
}

TEST_F(BuilderTest, ASecondBuildOfTheSameTreeWaitsForTheFirst) {
  configure_succeeds();
  const auto lock_path = (dir / "glibc").string() + ".lock";
  const int held = ::open(lock_path.c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(held, 0);
  ASSERT_EQ(::flock(held, LOCK_EX), 0);
  std::thread releaser([held] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ::close(held);
  });
  std::string waited;
  auto req = request();
  req.on_wait = [&](const std::string& what) { waited = what; };
  build_suites(runner, req);
  releaser.join();
  EXPECT_NE(waited.find("another libcdiff is building"), std::string::npos);
  EXPECT_FALSE(runner.calls.empty()) << "after the wait, the build goes ahead";
}

}  // namespace
}  // namespace libcdiff::collect
