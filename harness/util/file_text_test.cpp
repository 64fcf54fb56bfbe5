#include "util/file_text.hpp"

#include <gtest/gtest.h>

#include "testing/temp_dir.hpp"

namespace libcdiff::util {
namespace {

using libcdiff::testing::TempDir;

TEST(CapFile, LeavesASmallFileAlone) {
  TempDir dir;
  libcdiff::testing::write_text(dir / "log", "short\n");
  EXPECT_FALSE(cap_file(dir / "log", 100));
  EXPECT_EQ(read_text_if_present(dir / "log"), "short\n");
}

TEST(CapFile, KeepsHeadAndTailWithANoteBetween) {
  TempDir dir;
  libcdiff::testing::write_text(dir / "log", "HEAD" + std::string(1000, '.') + "TAIL");
  EXPECT_TRUE(cap_file(dir / "log", 100));
  const auto text = read_text_if_present(dir / "log");
  EXPECT_TRUE(text.starts_with("HEAD"));
  EXPECT_TRUE(text.ends_with("TAIL"));
  EXPECT_NE(text.find("[libcdiff: 908 bytes cut; the file had 1008]"), std::string::npos) << text;
  EXPECT_LT(text.size(), 200u);
}

}  // namespace
}  // namespace libcdiff::util
