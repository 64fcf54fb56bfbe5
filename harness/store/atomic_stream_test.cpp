#include "store/atomic_stream.hpp"

#include <gtest/gtest.h>

#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::store {
namespace {

using libcdiff::testing::TempDir;

int files_in(const std::filesystem::path& dir) {
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  return files;
}

TEST(AtomicStream, CommitReplacesTheDestinationWithEverythingWritten) {
  TempDir dir;
  testing::write_text(dir / "diff.tsv", "old\n");
  std::string expected;
  {
    AtomicStream out(dir / "diff.tsv");
    for (int i = 0; i < 200000; ++i) {  // several buffers' worth
      const std::string line = "key " + std::to_string(i) + "\tvalue\n";
      out.write(line);
      expected += line;
    }
    EXPECT_EQ(testing::read_text(dir / "diff.tsv"), "old\n");  // untouched until commit
    out.commit();
  }
  EXPECT_EQ(testing::read_text(dir / "diff.tsv"), expected);
  EXPECT_EQ(files_in(dir.path()), 1);
}

TEST(AtomicStream, WithoutCommitNothingChangesAndNoTemporaryFileStays) {
  TempDir dir;
  testing::write_text(dir / "diff.tsv", "old\n");
  {
    AtomicStream out(dir / "diff.tsv");
    out.write(std::string(3 << 20, 'x'));  // flushed to the temporary file at least once
  }
  EXPECT_EQ(testing::read_text(dir / "diff.tsv"), "old\n");
  EXPECT_EQ(files_in(dir.path()), 1);
}

TEST(AtomicStream, UnwritableDirectoryIsAnErrorNamingThePath) {
  TempDir dir;
  try {
    AtomicStream out(dir / "missing" / "diff.tsv");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_NE(e.line().find("missing/diff.tsv: cannot create a file in"), std::string::npos) << e.line();
  }
}

}  // namespace
}  // namespace libcdiff::store
