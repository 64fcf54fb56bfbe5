#include "store/atomic_file.hpp"

#include <gtest/gtest.h>

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
