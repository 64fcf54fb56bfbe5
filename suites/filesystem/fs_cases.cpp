// Filesystem APIs. Mostly negative controls (both libcs are thin syscall wrappers here), plus the
// limits a program sizes buffers with.
// References: musl include/limits.h, glibc include/bits/local_lim.h, POSIX realpath/getcwd.
#include <dirent.h>
#include <ftw.h>
#include <gtest/gtest.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

struct TempTree {
  std::string root;
  TempTree() {
    char t[] = "/tmp/libcdiff-fs-XXXXXX";
    root = mkdtemp(t) ? t : "";
    mkdir((root + "/sub").c_str(), 0755);
    for (const char* f : {"/a", "/sub/b", "/sub/c"}) std::fclose(std::fopen((root + f).c_str(), "w"));
    symlink("sub/b", (root + "/link").c_str());
  }
  ~TempTree() {
    for (const char* f : {"/a", "/sub/b", "/sub/c", "/link"}) std::remove((root + f).c_str());
    rmdir((root + "/sub").c_str());
    rmdir(root.c_str());
  }
};

TEST(Filesystem, PathLimits) {
  observe("PATH_MAX", static_cast<long long>(PATH_MAX));
  observe("NAME_MAX", static_cast<long long>(NAME_MAX));
  observe("pathconf_NAME_MAX_tmp", static_cast<long long>(pathconf("/tmp", _PC_NAME_MAX)));
  EXPECT_GE(PATH_MAX, 256);
}

TEST(Filesystem, RealpathAndGetcwd) {
  TempTree tree;
  ASSERT_FALSE(tree.root.empty());
  char* resolved = realpath((tree.root + "/sub/../link").c_str(), nullptr);
  ASSERT_NE(resolved, nullptr);
  observe("realpath_through_symlink", std::string(resolved).substr(tree.root.size()));
  std::free(resolved);
  errno = 0;
  observe("realpath_missing", realpath((tree.root + "/missing/x").c_str(), nullptr) == nullptr
                                  ? "NULL " + errno_name(errno)
                                  : "resolved");
  char* cwd = getcwd(nullptr, 0);
  observe("getcwd_null_allocates", cwd != nullptr ? "yes" : "no");
  std::free(cwd);
}

std::set<std::string>* g_seen = nullptr;
size_t g_root_length = 0;

TEST(Filesystem, NftwAndReaddir) {
  TempTree tree;
  std::set<std::string> seen;
  g_seen = &seen;
  g_root_length = tree.root.size();
  ASSERT_EQ(nftw(
                tree.root.c_str(),
                [](const char* path, const struct stat*, int type, FTW*) {
                  g_seen->insert(std::string(path).substr(g_root_length) + (type == FTW_SL  ? "@"
                                                                            : type == FTW_D ? "/"
                                                                                            : ""));
                  return 0;
                },
                8, FTW_PHYS),
            0);
  std::string listing;
  for (const auto& s : seen) listing += s + " ";
  observe("nftw_phys", listing);
  DIR* d = opendir((tree.root + "/sub").c_str());
  ASSERT_NE(d, nullptr);
  bool types_known = true;
  while (const dirent* e = readdir(d)) types_known &= e->d_type != DT_UNKNOWN;
  closedir(d);
  observe("readdir_fills_d_type_on_tmp", types_known ? "yes" : "no");
}

TEST(Filesystem, OffTAndStatSizes) {
  observe("sizeof_off_t", static_cast<long long>(sizeof(off_t)));
  observe("sizeof_ino_t", static_cast<long long>(sizeof(ino_t)));
  observe("sizeof_struct_stat", static_cast<long long>(sizeof(struct stat)));
  EXPECT_EQ(sizeof(off_t), 8u);
}

}  // namespace
}  // namespace libcdiff::suite
