// Users, groups, login names and password hashing.
// References: musl src/passwd/getpw_a.c (files + nscd only, nsswitch.conf never read),
// musl src/unistd/getlogin.c (getenv("LOGNAME")), musl include/limits.h (NGROUPS_MAX 32),
// musl src/crypt/crypt_r.c (DES fallback for unknown prefixes), glibc login/getlogin.c.
#if __has_include(<crypt.h>)
#include <crypt.h>  // glibc (libxcrypt); musl declares crypt() in <unistd.h>
#endif
#include <grp.h>
#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <string>

#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

TEST(Users, GetloginUsesLogname) {
  setenv("LOGNAME", "libcdiff-fake-user", 1);
  const char* with = getlogin();
  observe("getlogin_with_LOGNAME", with == nullptr ? "NULL" : with);
  unsetenv("LOGNAME");
  const char* without = getlogin();
  observe("getlogin_without_LOGNAME_no_tty", without == nullptr ? "NULL" : "a name");
  SUCCEED();
}

TEST(Users, SupplementaryGroupLimit) {
  observe("NGROUPS_MAX", static_cast<long long>(NGROUPS_MAX));
  observe("sysconf_NGROUPS_MAX", static_cast<long long>(sysconf(_SC_NGROUPS_MAX)));
  EXPECT_GE(getgroups(0, nullptr), 0);
}

TEST(Users, CryptHashFormats) {
#if !defined(LIBCDIFF_HAVE_CRYPT)
  GTEST_SKIP()
      << "this build has no crypt(): neither the C library nor a libcrypt provides it (Debian's musl "
         "1.2.3 package removed it, Debian bug #947193; on glibc it needs libcrypt-dev); Alpine's musl "
         "has it";
#else
  // crypt() returns a static buffer: copy each result before the next call.
  const char* sha512_result = crypt("password", "$6$saltsalt$");
  const std::string sha512 = sha512_result ? sha512_result : "NULL";
  observe("crypt_sha512", sha512.substr(0, 12));
  // yescrypt is Debian's default for /etc/shadow since bullseye.
  const char* yescrypt = crypt("password", "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$");
  observe("crypt_yescrypt_prefix", yescrypt == nullptr ? "NULL" : std::string(yescrypt).substr(0, 3));
  observe("crypt_yescrypt_length",
          yescrypt == nullptr ? 0LL : static_cast<long long>(std::string(yescrypt).size()));
  EXPECT_EQ(sha512.substr(0, 12), "$6$saltsalt$") << "SHA-512 crypt is supported by both";
#endif
}

// Negative control: the local files database.
TEST(Users, PasswdFileLookups) {
  const passwd* root = getpwnam("root");
  ASSERT_NE(root, nullptr);
  observe("root_uid", static_cast<long long>(root->pw_uid));
  observe("root_dir", root->pw_dir);
  observe("missing_user", getpwnam("libcdiff-no-such-user") == nullptr ? "NULL" : "found");
  const group* g = getgrgid(0);
  observe("gid0_name", g ? g->gr_name : "NULL");
}

}  // namespace
}  // namespace libcdiff::suite
