#include "sweep/sweep_table_reader.hpp"

#include <gtest/gtest.h>

#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::sweep {
namespace {

using libcdiff::testing::TempDir;

std::vector<std::pair<std::string, std::string>> read_all(const std::filesystem::path& path) {
  std::vector<std::pair<std::string, std::string>> rows;
  SweepTableReader reader(path);
  while (reader.next()) rows.emplace_back(reader.key(), reader.value());
  return rows;
}

std::string error_reading(const std::string& text) {
  TempDir dir;
  testing::write_text(dir / "t.tsv", text);
  try {
    read_all(dir / "t.tsv");
  } catch (const Fatal& e) {
    const std::string line = e.line();
    const auto at = line.find(dir.path().string());
    return at == std::string::npos ? line
                                   : line.substr(0, at) + "T" + line.substr(at + dir.path().string().size());
  }
  return "";
}

TEST(SweepTableReader, ReadsRowsInOrderWithEmptyValuesAndHashesTheFile) {
  TempDir dir;
  const std::string text = "errno 2\tENOENT\nerrno 10\t\nerrno EAGAIN\ta\\tb\n";
  testing::write_text(dir / "t.tsv", text);
  SweepTableReader reader(dir / "t.tsv");
  std::vector<std::pair<std::string, std::string>> rows;
  while (reader.next()) rows.emplace_back(reader.key(), reader.value());
  EXPECT_EQ(rows, (std::vector<std::pair<std::string, std::string>>{
                      {"errno 2", "ENOENT"}, {"errno 10", ""}, {"errno EAGAIN", "a\\tb"}}));
  EXPECT_EQ(reader.line(), 3u);
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  EXPECT_EQ(reader.hash(), hash);
  EXPECT_FALSE(reader.next());  // stays at the end
}

TEST(SweepTableReader, AnEmptyFileHasNoRows) {
  TempDir dir;
  testing::write_text(dir / "t.tsv", "");
  EXPECT_TRUE(read_all(dir / "t.tsv").empty());
}

TEST(SweepTableReader, LinesLongerThanTheBufferAndAcrossRefills) {
  TempDir dir;
  std::string text;
  std::vector<std::pair<std::string, std::string>> expected;
  const std::string big(3 << 20, 'v');  // longer than the 1 MiB buffer
  for (int i = 0; i < 5; ++i) {
    expected.emplace_back("k " + std::to_string(i), i == 2 ? big : "small");
    text += expected.back().first + "\t" + expected.back().second + "\n";
  }
  for (int i = 5; i < 200000; ++i) {  // many refills with lines split across them
    expected.emplace_back("k " + std::to_string(i), std::to_string(i * 7));
    text += expected.back().first + "\t" + expected.back().second + "\n";
  }
  testing::write_text(dir / "t.tsv", text);
  EXPECT_EQ(read_all(dir / "t.tsv"), expected);
}

TEST(SweepTableReader, UnsortedInputIsRefusedNamingFileAndLine) {
  EXPECT_EQ(error_reading("errno 2\tx\nerrno 10\ty\nerrno 3\tz\n"),
            "libcdiff: error: T/t.tsv: line 3 is out of order: key \"errno 3\" comes after \"errno 10\". "
            "Sweep tables are sorted in key order, each key once (harness/sweep/sweep_key.hpp); write them "
            "with SweepTable, which sorts.");
}

TEST(SweepTableReader, ARepeatedKeyIsRefused) {
  EXPECT_NE(error_reading("a\t1\na\t2\n").find("T/t.tsv: line 2 repeats the key \"a\" of the line before"),
            std::string::npos);
}

TEST(SweepTableReader, MalformedLinesAreRefused) {
  EXPECT_NE(error_reading("a 1\tx\nno tab here\n").find("T/t.tsv: line 2 has no tab between key and value"),
            std::string::npos);
  EXPECT_NE(error_reading("\tvalue\n").find("line 1 has an empty key"), std::string::npos);
  EXPECT_NE(error_reading("a\tb\tc\n").find("line 1 has more than one tab"), std::string::npos);
  EXPECT_NE(error_reading("a\t1\nb\t2").find("line 2 has no newline at its end (a truncated table?)"),
            std::string::npos);
}

TEST(SweepTableReader, AMissingFileIsAnInputError) {
  TempDir dir;
  try {
    SweepTableReader reader(dir / "absent.tsv");
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    EXPECT_NE(e.line().find("absent.tsv: cannot be read (No such file or directory)"), std::string::npos)
        << e.line();
  }
}

}  // namespace
}  // namespace libcdiff::sweep
