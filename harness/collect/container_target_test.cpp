#include "collect/container_target.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "testing/fake_process_runner.hpp"
#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::collect {
namespace {

using libcdiff::testing::exited;

using testing::FakeProcessRunner;
using testing::TempDir;

bool mounts(const exec::ContainerSpec& spec, const std::string& target, bool read_only) {
  return std::any_of(spec.mounts.begin(), spec.mounts.end(),
                     [&](const auto& m) { return m.target == target && m.read_only == read_only; });
}

TEST(OfflineImages, NamedAfterTheImage) {
  const auto files = offline_image_files("/c", "docker.io/library/debian:12-slim");
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0], "/c/images/debian_12-slim.tar");
  EXPECT_EQ(files[1], "/c/images/debian_12-slim.rootfs.tar");
}

TEST(SizeListing, ReadsBytesAndPaths) {
  const auto sizes = parse_size_listing("1590200 suite_math\n14480 benchmarks/hello_c_static\nsh: oops\n\n");
  ASSERT_EQ(sizes.size(), 2u);
  EXPECT_EQ(sizes.at("suite_math"), 1590200);
  EXPECT_EQ(sizes.at("benchmarks/hello_c_static"), 14480);
}

TEST(SuiteContainer, LocalImageSeesTheHostBuildReadOnlyAndNoNetwork) {
  const auto target = targets::find_target("musl-image");
  TargetImage image{"localhost/libcdiff-musl-image:run", {}, {}};
  const auto spec = suite_container({.image = &image,
                                     .target = &target,
                                     .name = "n",
                                     .host_build_dir = "/b/musl",
                                     .work_dir = "/r/logs/musl-image",
                                     .environment = {{"HOME", "/r/logs/musl-image"}},
                                     .dns_lab_dir = {},
                                     .etc_dir = "/r/logs/musl-image/container-etc"});
  EXPECT_EQ(spec.network, "none");
  EXPECT_EQ(spec.user, kContainerUser);
  EXPECT_TRUE(mounts(spec, "/b/musl", true));
  EXPECT_TRUE(mounts(spec, "/r/logs/musl-image", false));
  EXPECT_TRUE(mounts(spec, "/etc/hosts", true));
  EXPECT_TRUE(mounts(spec, "/etc/resolv.conf", true));
  EXPECT_TRUE(spec.inherited_environment.empty());
}

TEST(SuiteContainer, DnsLabJoinsTheLabNetworkWithWritableResolverFiles) {
  const auto target = targets::find_target("debian:12");
  TargetImage image{"localhost/libcdiff-debian-12:run", {}, "/opt/libcdiff/build"};
  const auto spec = suite_container({.image = &image,
                                     .target = &target,
                                     .name = "n",
                                     .host_build_dir = {},
                                     .work_dir = "/r/w",
                                     .environment = {},
                                     .dns_lab_dir = "/r/w/dns-lab",
                                     .etc_dir = "/r/w/container-etc"});
  EXPECT_EQ(spec.network, "ns:/proc/1/ns/net");
  for (const char* f :
       {"/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf", "/etc/host.conf", "/etc/gai.conf"})
    EXPECT_TRUE(mounts(spec, f, false)) << f;
  EXPECT_EQ(spec.inherited_environment, std::vector<std::string>{"LIBCDIFF_DNS_LAB"});
  EXPECT_FALSE(mounts(spec, "/b/musl", true));  // a distribution image carries its own build
}

struct BaseImageTest : ::testing::Test {
  TempDir dir;
  FakeProcessRunner runner;
  std::vector<std::string> actions;
  bool have_image = false;
  BaseImageTest() {
    runner.respond = [this](const exec::ProcessSpec& s) {
      // podman's private-store flags (--root, --runroot, --tmpdir, --storage-driver) come first.
      const size_t skip = s.program == "podman" && s.args.size() > 8 ? 8 : 0;
      const std::string verb = s.args.size() > skip ? s.args[skip] : "";
      actions.push_back(verb);
      if (s.program == "docker" && verb == "version") return exited(1);
      if (verb == "image") return exited(have_image ? 0 : 125);
      if (verb == "import") {
        have_image = true;
        return exited(0);
      }
      if (verb == "pull") {
        std::ofstream(s.stdout_path) << "Error: pinging container registry: no such host\n";
        return exited(125);
      }
      return exited(0);
    };
  }
};

TEST_F(BaseImageTest, PresentImageNeedsNothing) {
  have_image = true;
  exec::ContainerSession session(runner, {"podman", dir / "s", "/tmp", {}, {1024, 1024}});
  ensure_base_image(session, targets::find_target("debian:12"), dir / "cache");
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "pull"), 0);
}

TEST_F(BaseImageTest, OfflineRootfsIsImportedInsteadOfPulled) {
  testing::write_text(dir / "cache" / "images" / "debian_12-slim.rootfs.tar", "x");
  exec::ContainerSession session(runner, {"podman", dir / "s", "/tmp", {}, {1024, 1024}});
  ensure_base_image(session, targets::find_target("debian:12"), dir / "cache");
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "import"), 1);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "pull"), 0);
}

TEST_F(BaseImageTest, UnpullableImageFailsWithOneActionableLine) {
  exec::ContainerSession session(runner, {"podman", dir / "s", "/tmp", {}, {1024, 1024}});
  try {
    ensure_base_image(session, targets::find_target("alpine:3.20"), dir / "cache");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::environment);
    const auto line = e.line();
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_NE(line.find("image docker.io/library/alpine:3.20 cannot be pulled"), std::string::npos) << line;
    EXPECT_NE(line.find("no such host"), std::string::npos) << line;
    EXPECT_NE(line.find((dir / "cache" / "images" / "alpine_3.20.tar").string()), std::string::npos) << line;
  }
}

}  // namespace
}  // namespace libcdiff::collect
