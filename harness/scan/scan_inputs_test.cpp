#include "scan/scan_inputs.hpp"

#include <gtest/gtest.h>

#include "exec/boost_process_runner.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::scan {
namespace {

using libcdiff::testing::TempDir;
using libcdiff::testing::write_text;
namespace fs = std::filesystem;

void tar_dir(const fs::path& dir, const fs::path& archive) {
  exec::BoostProcessRunner runner;
  exec::ProcessSpec spec;
  spec.program = "tar";
  spec.args = {"-c", "-f", archive.string(), "-C", dir.string(), "."};
  ASSERT_TRUE(runner.run(spec).succeeded());
}

std::vector<std::string> names(const ScanInput& in) {
  std::vector<std::string> out;
  for (const auto& f : in.files) out.push_back(fs::relative(f, in.root).string());
  return out;
}

TEST(ScanInputs, ADirectoryIsWalkedWithoutFollowingSymlinksAndProblemsAreLines) {
  TempDir dir;
  write_text(dir / "bin" / "a",
             "\x7f"
             "ELF....");
  write_text(dir / "bin" / "sub" / "b",
             "\x7f"
             "ELF....");
  fs::create_directory_symlink(dir / "bin", dir / "bin" / "sub" / "loop");  // a loop when followed
  fs::create_symlink(dir / "bin" / "a", dir / "bin" / "alias");
  fs::create_symlink(dir / "dangling-target", dir / "dangling");
  exec::BoostProcessRunner runner;
  std::vector<std::string> problems;
  const auto inputs = collect_inputs({(dir / "bin").string(), (dir / "dangling").string(), "/no/such/file"},
                                     runner, {dir / "scratch"}, problems);
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].root, "/");
  ASSERT_EQ(inputs[0].files.size(), 2u) << "the symlinks are not scanned twice";
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("dangling: is a symbolic link that leads nowhere"), std::string::npos)
      << problems[0];
  EXPECT_EQ(problems[1], "/no/such/file: no such file or directory");
}

TEST(ScanInputs, ARootFilesystemDirectoryIsItsOwnRoot) {
  TempDir dir;
  write_text(dir / "etc" / "os-release", "ID=test\n");
  write_text(dir / "usr" / "bin" / "tool",
             "\x7f"
             "ELF....");
  exec::BoostProcessRunner runner;
  std::vector<std::string> problems;
  const auto inputs = collect_inputs({dir.path().string()}, runner, {dir / "scratch"}, problems);
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].root, dir.path());
}

TEST(ScanInputs, ADockerSaveTarballIsUnpackedLayerByLayerWithWhiteouts) {
  TempDir dir;
  // Layer 1: two binaries; layer 2 deletes one of them with a whiteout and adds another.
  write_text(dir / "l1" / "usr" / "bin" / "kept",
             "\x7f"
             "ELF1...");
  write_text(dir / "l1" / "usr" / "bin" / "deleted",
             "\x7f"
             "ELF1...");
  write_text(dir / "l2" / "usr" / "bin" / ".wh.deleted", "");
  write_text(dir / "l2" / "usr" / "bin" / "added",
             "\x7f"
             "ELF2...");
  fs::create_directories(dir / "image");
  tar_dir(dir / "l1", dir / "image" / "layer1.tar");
  tar_dir(dir / "l2", dir / "image" / "layer2.tar");
  write_text(dir / "image" / "manifest.json",
             R"([{"Config":"c.json","RepoTags":["t:1"],"Layers":["layer1.tar","layer2.tar"]}])");
  tar_dir(dir / "image", dir / "image.tar");
  exec::BoostProcessRunner runner;
  std::vector<std::string> problems;
  const auto inputs = collect_inputs({(dir / "image.tar").string()}, runner, {dir / "scratch"}, problems);
  ASSERT_EQ(inputs.size(), 1u) << (problems.empty() ? "" : problems[0]);
  EXPECT_TRUE(inputs[0].image);
  auto got = names(inputs[0]);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"usr/bin/added", "usr/bin/kept"}));
}

TEST(ScanInputs, ABrokenArchiveIsOneProblemAndTheRestGoesOn) {
  TempDir dir;
  write_text(dir / "image" / "manifest.json", "[{\"Layers\": [\"missing.tar\"]}]");
  tar_dir(dir / "image", dir / "broken.tar");
  write_text(dir / "plain",
             "\x7f"
             "ELF....");
  exec::BoostProcessRunner runner;
  std::vector<std::string> problems;
  const auto inputs = collect_inputs({(dir / "broken.tar").string(), (dir / "plain").string()}, runner,
                                     {dir / "scratch"}, problems);
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].files, std::vector<fs::path>{dir / "plain"});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("missing.tar: tar could not unpack it"), std::string::npos) << problems[0];
}

}  // namespace
}  // namespace libcdiff::scan
