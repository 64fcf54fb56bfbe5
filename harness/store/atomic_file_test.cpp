#include "store/atomic_file.hpp"

#include "store/results_dir.hpp"

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::store {
namespace {

using libcdiff::testing::TempDir;

TEST(AtomicFile, WritesTheContentAndLeavesNoTemporaryFile) {
  TempDir dir;
  write_file_atomically(dir / "a.json", "{}\n");
  EXPECT_EQ(read_file(dir / "a.json"), "{}\n");
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 1);
}

TEST(AtomicFile, ReplacesAnExistingFileWhole) {
  TempDir dir;
  write_file_atomically(dir / "a.json", std::string(10000, 'x'));
  write_file_atomically(dir / "a.json", "short");
  EXPECT_EQ(read_file(dir / "a.json"), "short");
}

TEST(AtomicFile, UnwritableDirectoryIsAnErrorNamingThePath) {
  TempDir dir;
  testing::write_text(dir / "file", "not a directory");
  try {
    write_file_atomically(dir / "file" / "a.json", "x");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    EXPECT_NE(e.line().find((dir / "file" / "a.json").string()), std::string::npos) << e.line();
  }
}

TEST(AtomicFile, ReadingAMissingFileIsAnErrorNamingIt) {
  TempDir dir;
  try {
    read_file(dir / "missing.json");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_TRUE(e.line().starts_with("libcdiff: error: " + (dir / "missing.json").string() + ": "))
        << e.line();
  }
}

}  // namespace
}  // namespace libcdiff::store

namespace libcdiff::store {
namespace {

// A real full disk: a 64 KiB tmpfs filled to the last byte (root only; elsewhere the test says why).
class FullDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::geteuid() != 0) GTEST_SKIP() << "mounting a tmpfs needs root";
    if (::mount("tmpfs", dir_.path().c_str(), "tmpfs", 0, "size=64k") != 0)
      GTEST_SKIP() << "cannot mount a tmpfs here: " << std::strerror(errno);
    mounted_ = true;
    std::ofstream fill(dir_ / "fill", std::ios::binary);
    const std::string block(4096, 'x');
    for (int i = 0; i < 64 && fill; ++i) fill << block << std::flush;
  }
  void TearDown() override {
    if (mounted_) ::umount2(dir_.path().c_str(), MNT_DETACH);
  }
  libcdiff::testing::TempDir dir_;
  bool mounted_ = false;
};

TEST_F(FullDisk, WritingIsAnEnvironmentErrorThatSaysTheDiskIsFull) {
  try {
    write_file_atomically(dir_ / "run-musl.json", std::string(16384, 'r'));
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::environment) << e.line();
    EXPECT_NE(e.line().find("the file system is full"), std::string::npos) << e.line();
  }
  EXPECT_TRUE(std::filesystem::exists(dir_ / "fill")) << "what was there before stays";
}

TEST_F(FullDisk, AnOutputDirectoryOnAFullDiskIsNotCalledUnwritable) {
  try {
    prepare_output_dir(dir_.path());
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::environment) << e.line();
    EXPECT_EQ(e.line().find("is not writable"), std::string::npos) << e.line();
  }
}

}  // namespace
}  // namespace libcdiff::store
