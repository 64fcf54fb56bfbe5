#include "scan/root_path.hpp"

#include <gtest/gtest.h>

#include <cerrno>

#include "testing/temp_dir.hpp"

namespace libcdiff::scan {
namespace {

using libcdiff::testing::TempDir;
namespace fs = std::filesystem;

TEST(LookupInRoot, FindsAFileInsideTheRoot) {
  TempDir root;
  testing::write_text(root / "usr/lib/libz.so.1", "z");
  const RootLookup r = lookup_in_root(root.path(), "/usr/lib/libz.so.1");
  EXPECT_EQ(r.status, RootLookupStatus::found);
  EXPECT_EQ(r.host_path, root / "usr/lib/libz.so.1");
}

TEST(LookupInRoot, AbsoluteSymlinksPointBackIntoTheRoot) {
  TempDir root;
  testing::write_text(root / "opt/real/libz.so.1", "z");
  fs::create_directories(root / "lib");
  // As in an image: absolute targets mean the image's /opt, never the host's; /lib -> usr/lib style
  // relative links work as well.
  fs::create_symlink("/opt/real/libz.so.1", root / "lib/libz.so.1");
  fs::create_directories(root / "usr");
  fs::create_symlink("../lib", root / "usr/lib");
  const RootLookup r = lookup_in_root(root.path(), "/usr/lib/libz.so.1");
  EXPECT_EQ(r.status, RootLookupStatus::found);
  EXPECT_EQ(r.host_path, root / "opt/real/libz.so.1");
}

TEST(LookupInRoot, DotDotStopsAtTheRoot) {
  TempDir root;
  testing::write_text(root / "etc/ld-musl-x86_64.path", "/lib\n");
  fs::create_directories(root / "a");
  const RootLookup r = lookup_in_root(root.path(), "/a/../../../../etc/ld-musl-x86_64.path");
  EXPECT_EQ(r.status, RootLookupStatus::found);
  EXPECT_EQ(r.host_path, root / "etc/ld-musl-x86_64.path");
  fs::create_symlink("../../../../../etc/passwd", root / "escape");
  EXPECT_EQ(lookup_in_root(root.path(), "/escape").status, RootLookupStatus::absent)
      << "the host's /etc/passwd must not be reached";
}

TEST(LookupInRoot, NotFoundGoesOnButALoopStopsTheSearch) {
  TempDir root;
  testing::write_text(root / "file", "x");
  fs::create_symlink("/loop-b", root / "loop-a");
  fs::create_symlink("/loop-a", root / "loop-b");
  const RootLookup absent = lookup_in_root(root.path(), "/nothing/here");
  EXPECT_EQ(absent.status, RootLookupStatus::absent);
  EXPECT_EQ(absent.error, ENOENT);
  const RootLookup not_dir = lookup_in_root(root.path(), "/file/below");
  EXPECT_EQ(not_dir.status, RootLookupStatus::absent);
  EXPECT_EQ(not_dir.error, ENOTDIR);
  const RootLookup loop = lookup_in_root(root.path(), "/loop-a");
  EXPECT_EQ(loop.status, RootLookupStatus::failed);
  EXPECT_EQ(loop.error, ELOOP);
}

TEST(LookupInRoot, TheRootSlashIsTheHost) {
  const RootLookup r = lookup_in_root("/", "/usr/bin/true");
  EXPECT_EQ(r.status, RootLookupStatus::found);
  EXPECT_EQ(r.host_path, "/usr/bin/true");
  EXPECT_EQ(lookup_in_root("/", "/usr/bin/no-such-program").status, RootLookupStatus::absent);
}

}  // namespace
}  // namespace libcdiff::scan
