// Tests of the sweep table writer, built into the harness's unit tests (harness/CMakeLists.txt): the
// writer is suite code, but its tests need no libc other than the host's.
#include "common/sweep_table.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "testing/temp_dir.hpp"

namespace libcdiff::suite {
namespace {

using libcdiff::testing::TempDir;

std::string property(const std::string& name) {
  const ::testing::TestResult* result = ::testing::UnitTest::GetInstance()->current_test_info()->result();
  for (int i = 0; i < result->test_property_count(); ++i)
    if (result->GetTestProperty(i).key() == name) return result->GetTestProperty(i).value();
  return "(not recorded)";
}

TEST(SweepTable, EscapesSeparatorsBackslashesControlsAndInvalidUtf8) {
  EXPECT_EQ(escape_sweep_field("plain text"), "plain text");
  EXPECT_EQ(escape_sweep_field("a\tb\nc\\d"), "a\\tb\\nc\\\\d");
  EXPECT_EQ(escape_sweep_field(std::string("\0\r\x1b\x7f", 4)), "\\x00\\x0d\\x1b\\x7f");
  EXPECT_EQ(escape_sweep_field("\xc3\xa9 \xf0\x9f\xa4\x80"),
            "\xc3\xa9 \xf0\x9f\xa4\x80");                            // valid UTF-8 stays
  EXPECT_EQ(escape_sweep_field("\xff\xc3"), "\\xff\\xc3");           // invalid and truncated sequences
  EXPECT_EQ(escape_sweep_field("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate is not UTF-8
  EXPECT_EQ(escape_sweep_field("\xc0\x80"), "\\xc0\\x80");           // overlong
  // Injective: the text "\x00" and the byte 0 escape differently.
  EXPECT_NE(escape_sweep_field("\\x00"), escape_sweep_field(std::string(1, '\0')));
}

TEST(SweepTable, FileNameComesFromTheCaseAndIsSafe) {
  EXPECT_EQ(sweep_file_name("Locale", "SweepWcwidth"), "Locale.SweepWcwidth.sweep.tsv");
  EXPECT_EQ(sweep_file_name("Sweep/Wcwidth", "All/0"), "Sweep_Wcwidth.All_0.sweep.tsv");
  EXPECT_EQ(sweep_file_name("A b", "c:d"), "A_b.c_d.sweep.tsv");
}

TEST(SweepTable, WritesSortedEscapedLinesWhateverTheOrderOfSet) {
  TempDir dir;
  SweepTable forward;
  SweepTable backward;
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"wcwidth U+10000", "2"}, {"wcwidth U+FFFF", "-1"},    {"errno 10", "ECHILD"}, {"errno 2", "ENOENT"},
      {"errno EAGAIN", "11"},   {"strerror 0", "Success\n"}, {"tab\tkey 1", "x"}};
  for (const auto& [k, v] : rows) forward.set(k, v);
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) backward.set(it->first, it->second);
  const auto one = forward.write_file((dir / "one.tsv").string());
  const auto two = backward.write_file((dir / "two.tsv").string());
  ASSERT_EQ(one.error, "");
  EXPECT_EQ(one.keys, rows.size());
  EXPECT_EQ(one.hash, two.hash);
  const std::string text = testing::read_text(dir / "one.tsv");
  EXPECT_EQ(text, testing::read_text(dir / "two.tsv"));
  EXPECT_EQ(text,
            "errno 2\tENOENT\n"
            "errno 10\tECHILD\n"
            "errno EAGAIN\t11\n"
            "strerror 0\tSuccess\\n\n"
            "tab\\tkey 1\tx\n"
            "wcwidth U+FFFF\t-1\n"
            "wcwidth U+10000\t2\n");
  // FNV-1a 64 of exactly those bytes.
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  EXPECT_EQ(one.hash, hash);
}

TEST(SweepTable, ADuplicateKeyIsReportedAndTheFirstValueKept) {
  TempDir dir;
  SweepTable table;
  table.set("k 1", "first");
  table.set("k 2", "x");
  table.set("k 1", "second");
  const auto result = table.write_file((dir / "t.tsv").string());
  EXPECT_NE(result.error.find("1 key(s) set more than once, first \"k 1\""), std::string::npos)
      << result.error;
  EXPECT_EQ(result.keys, 2u);
  EXPECT_EQ(testing::read_text(dir / "t.tsv"), "k 1\tfirst\nk 2\tx\n");
}

TEST(SweepTable, AnEmptyKeyIsRefusedAndNothingWritten) {
  TempDir dir;
  SweepTable table;
  table.set("", "x");
  const auto result = table.write_file((dir / "t.tsv").string());
  EXPECT_NE(result.error.find("a sweep key is empty"), std::string::npos) << result.error;
  EXPECT_FALSE(std::filesystem::exists(dir / "t.tsv"));
}

TEST(SweepTable, AnUnwritableDirectoryIsAnErrorNamingTheFile) {
  TempDir dir;
  SweepTable table;
  table.set("k", "v");
  const auto result = table.write_file((dir / "missing" / "t.tsv").string());
  EXPECT_NE(result.error.find("cannot create " + (dir / "missing" / "t.tsv").string()), std::string::npos)
      << result.error;
}

TEST(SweepTable, ValuesOfEveryKind) {
  TempDir dir;
  SweepTable table;
  table.set("a", -1LL);
  table.set("b", static_cast<const char*>(nullptr));
  table.set("c", "text");
  table.set("d", 0);  // an int, not a null pointer
  table.set("e", 18446744073709551615ull);
  table.set("f", std::string("bytes\0too", 9));
  ASSERT_EQ(table.write_file((dir / "t.tsv").string()).error, "");
  EXPECT_EQ(testing::read_text(dir / "t.tsv"),
            "a\t-1\nb\tNULL\nc\ttext\nd\t0\ne\t18446744073709551615\nf\tbytes\\x00too\n");
}

// What a sweep case does: write() names the file after the running case, puts it where
// LIBCDIFF_SWEEP_DIR says and records where it is, how many keys and the hash.
TEST(SweepTable, WriteInACaseUsesTheSweepDirAndRecordsThreeProperties) {
  TempDir dir;
  const char* before = std::getenv("LIBCDIFF_SWEEP_DIR");
  const std::string saved = before == nullptr ? "" : before;
  ::setenv("LIBCDIFF_SWEEP_DIR", dir.path().c_str(), 1);
  SweepTable table;
  table.set("wcwidth U+0041", 1LL);
  table.set("wcwidth U+0000", 0LL);
  table.write();
  if (before == nullptr) {
    ::unsetenv("LIBCDIFF_SWEEP_DIR");
  } else {
    ::setenv("LIBCDIFF_SWEEP_DIR", saved.c_str(), 1);
  }
  const std::string name = "SweepTable.WriteInACaseUsesTheSweepDirAndRecordsThreeProperties.sweep.tsv";
  EXPECT_EQ(testing::read_text(dir / name), "wcwidth U+0000\t0\nwcwidth U+0041\t1\n");
  EXPECT_EQ(property("sweep"), name);
  EXPECT_EQ(property("sweep.keys"), "2");
  EXPECT_EQ(property("sweep.hash").substr(0, 8), "fnv1a64:");
  EXPECT_EQ(property("sweep.hash").size(), 8u + 16u);
}

TEST(SweepTable, HashFormat) {
  EXPECT_EQ(format_sweep_hash(0x0123456789abcdefull), "fnv1a64:0123456789abcdef");
  EXPECT_EQ(format_sweep_hash(1), "fnv1a64:0000000000000001");
}

}  // namespace
}  // namespace libcdiff::suite
