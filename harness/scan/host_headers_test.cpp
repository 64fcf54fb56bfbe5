#include "scan/host_headers.hpp"

#include <gtest/gtest.h>

#include "testing/fake_process_runner.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::scan {
namespace {

namespace fs = std::filesystem;
using libcdiff::testing::FakeProcessRunner;
using libcdiff::testing::TempDir;
using libcdiff::testing::write_text;

// A /usr/include as Debian has it: glibc's headers beside third-party ones, libstdc++'s, multiarch.
struct FakeInclude {
  TempDir dir;
  fs::path root = dir / "usr-include";
  std::vector<std::string> libc_files;
  FakeInclude() {
    for (const auto* f : {"stdio.h", "execinfo.h", "sys/cdefs.h", "x86_64-linux-gnu/bits/types.h",
                          "x86_64-linux-gnu/sys/cdefs.h"}) {
      write_text(root / f, "/* glibc */\n");
      libc_files.push_back((root / f).string());
    }
    for (const auto* f : {"fmt/format.h", "fmt/core.h", "sys/capability.h", "c++/12/vector",
                          "x86_64-linux-gnu/ffi.h", "x86_64-linux-gnu/c++/12/bits/c++config.h"})
      write_text(root / f, "/* third party */\n");
  }
  HostHeaderOptions options() const {
    HostHeaderOptions o;
    o.include_root = root;
    o.local_include = dir / "local-include";
    return o;
  }
  // dpkg-query -L libc6-dev: the package's directories and files.
  void answer(FakeProcessRunner& runner) const {
    runner.respond = [this](const exec::ProcessSpec& spec) {
      EXPECT_EQ(spec.program, "dpkg-query");
      EXPECT_EQ(spec.args, (std::vector<std::string>{"-L", "libc6-dev"}));
      std::string listing = "/.\n/usr\n" + root.string() + "\n" + (root / "sys").string() + "\n";
      for (const auto& f : libc_files) listing += f + "\n";
      listing += "/usr/lib/x86_64-linux-gnu/libc.so\n";
      write_text(spec.stdout_path, listing);
      return libcdiff::testing::exited(0);
    };
  }
};

TEST(HostHeaders, ThirdPartyHeadersAreSeenTheLibcsAndTheCxxLibrarysAreNot) {
  FakeInclude inc;
  FakeProcessRunner runner;
  inc.answer(runner);
  const auto overlay = inc.dir / "overlay";
  const auto headers = host_header_overlay(runner, inc.options(), overlay);
  EXPECT_EQ(headers.directories, (std::vector<fs::path>{overlay / "multiarch", overlay / "include"}));
  EXPECT_TRUE(fs::is_symlink(overlay / "include" / "fmt"))
      << "a directory with nothing of the libc: one link";
  EXPECT_TRUE(fs::exists(overlay / "include" / "fmt" / "format.h"));
  EXPECT_FALSE(fs::exists(overlay / "include" / "stdio.h"));
  EXPECT_FALSE(fs::exists(overlay / "include" / "execinfo.h"));
  EXPECT_TRUE(fs::is_directory(overlay / "include" / "sys") && !fs::is_symlink(overlay / "include" / "sys"));
  EXPECT_TRUE(fs::is_symlink(overlay / "include" / "sys" / "capability.h"));
  EXPECT_FALSE(fs::exists(overlay / "include" / "sys" / "cdefs.h"));
  EXPECT_FALSE(fs::exists(overlay / "include" / "c++"));
  EXPECT_FALSE(fs::exists(overlay / "include" / "x86_64-linux-gnu")) << "mirrored as its own directory";
  EXPECT_TRUE(fs::is_symlink(overlay / "multiarch" / "ffi.h"));
  EXPECT_FALSE(fs::exists(overlay / "multiarch" / "bits" / "types.h"));
  EXPECT_FALSE(fs::exists(overlay / "multiarch" / "sys" / "cdefs.h"));
  EXPECT_FALSE(fs::exists(overlay / "multiarch" / "c++"));
  EXPECT_FALSE(fs::exists(overlay / "libc-files.txt")) << "dpkg's listing is not left among the headers";
  EXPECT_NE(headers.description.find("without the 5 files of libc6-dev"), std::string::npos)
      << headers.description;
}

TEST(HostHeaders, LocalHeadersComeFirstWhenThereAreAny) {
  FakeInclude inc;
  FakeProcessRunner runner;
  inc.answer(runner);
  fs::create_directories(inc.dir / "local-include");
  EXPECT_EQ(host_header_overlay(runner, inc.options(), inc.dir / "o1").directories.size(), 2u)
      << "empty: skipped";
  write_text(inc.dir / "local-include" / "mine.h", "");
  const auto headers = host_header_overlay(runner, inc.options(), inc.dir / "o2");
  ASSERT_EQ(headers.directories.size(), 3u);
  EXPECT_EQ(headers.directories[0], inc.dir / "local-include");
}

TEST(HostHeaders, WithoutDpkgNothingOfTheHostIsSeen) {
  FakeInclude inc;
  FakeProcessRunner runner;
  runner.respond = [](const exec::ProcessSpec&) {
    exec::ProcessResult r;
    r.error = "dpkg-query not found in PATH";
    return r;
  };
  const auto headers = host_header_overlay(runner, inc.options(), inc.dir / "overlay");
  EXPECT_TRUE(headers.directories.empty());
  EXPECT_NE(headers.description.find("dpkg-query -L libc6-dev could not list the libc's own headers"),
            std::string::npos)
      << headers.description;
  EXPECT_FALSE(fs::exists(inc.dir / "overlay" / "include"));
}

}  // namespace
}  // namespace libcdiff::scan
