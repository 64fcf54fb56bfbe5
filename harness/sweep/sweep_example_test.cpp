// A worked example of the sweep path end to end (issue 12): two tables written by the suites' writer
// (suites/common/sweep_table.cpp, compiled into this binary), the expectations read from a sweeps.toml,
// the tables diffed and classified, the summary rendered. The values are made up for the example (they
// are not what musl and glibc answer) but shaped like real sweeps: a code point family with ranges and
// a symbol family with keys on one side only.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "common/sweep_table.hpp"
#include "store/atomic_file.hpp"
#include "store/sweep_catalog_toml.hpp"
#include "sweep/sweep_diff.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::sweep {
namespace {

using libcdiff::testing::TempDir;

const char* kSweepsToml = R"(
[[sweep]]
id = "Example.WidthsAndSymbols"
title = "display widths and exported symbols"
domain = "U+E000..U+E0FF and U+1F000..U+1FAFF; a list of symbol names"
source = "made up for the example"
breaks = "nothing: an example"
risk = "low"
references = ["harness/sweep/sweep_example_test.cpp"]
apis = ["wcwidth", "dlsym"]

[[sweep.expect]]                       # 1: half of a differing range
libc = "musl"
range = "wcwidth U+1F980..U+1F9BF"
why = "musl's width table is older"
references = ["https://example.invalid/unicode"]

[[sweep.expect]]                       # 2: keys on musl's side only, by pattern
libc = "musl"
versions = "<1.2.6"
pattern = "symbol strl*"
predicate = "only-this"
why = "BSD string functions that glibc only gained in 2.38"
references = ["https://example.invalid/strlcpy"]

[[sweep.expect]]                       # 3: glibc-internal symbols
libc = "glibc"
pattern = "symbol __*"
predicate = "only-this"
why = "glibc's internal entry points"
references = ["https://example.invalid/internal"]

[[sweep.expect]]                       # 4: not for these versions
libc = "glibc"
versions = "<2.30"
pattern = "*"
why = "old glibc"
references = ["https://example.invalid/old"]

[[sweep.expect]]                       # 5: applies, but the tables agree there
libc = "musl"
range = "wcwidth U+E000..U+E0FF"
predicate = 'this == "-1"'
why = "private use"
references = ["https://example.invalid/pua"]
)";

int example_width(unsigned cp, bool musl) {
  if (cp >= 0x1F300 && cp <= 0x1F64F) return 2;
  if (cp >= 0x1F900 && cp <= 0x1F9FF) return musl && cp >= 0x1F980 ? 1 : 2;
  if (cp >= 0x1FAF0 && cp <= 0x1FAFF) return musl ? -1 : 2;
  return 1;
}

suite::SweepWriteResult write_side(const std::filesystem::path& dir, bool musl) {
  suite::SweepTable table;
  // Set in an order of their own: the writer sorts.
  for (unsigned cp = 0x1FAFF; cp >= 0x1F000; --cp) {
    char key[32];
    std::snprintf(key, sizeof key, "wcwidth U+%04X", cp);
    table.set(key, example_width(cp, musl));
  }
  for (unsigned cp = 0xE000; cp <= 0xE0FF; ++cp) {
    char key[32];
    std::snprintf(key, sizeof key, "wcwidth U+%04X", cp);
    table.set(key, 1);
  }
  const std::vector<std::string> symbols =
      musl ? std::vector<std::string>{"strlcpy", "getauxval", "strlcat", "qsort_r"}
           : std::vector<std::string>{"getauxval", "__libc_start_main", "qsort_r", "secure_getenv"};
  for (const auto& s : symbols) table.set("symbol " + s, "present");
  std::filesystem::create_directories(dir);
  return table.write_file((dir / suite::sweep_file_name("Example", "WidthsAndSymbols")).string());
}

// How a report might show it: every group with its parts, unexpected first.
std::string render(const SweepDiff& d, const SweepMeta& meta, const SweepDiffOptions& o) {
  std::ostringstream out;
  out << d.differing_keys << " of " << d.a.keys << "/" << d.b.keys << " keys differ: " << d.unexpected_keys
      << " unexpected, " << d.expected_keys << " expected, in " << d.groups << " groups and " << d.ranges
      << " ranges\n";
  for (const SweepGroup& g : d.details) {
    out << g.family() << ": " << g.keys << " keys (" << g.only_a << " only on " << o.label_a << ", "
        << g.only_b << " only on " << o.label_b << "), " << g.unexpected_keys() << " unexpected\n";
    for (const SweepPart& p : g.parts) {
      out << "  " << (p.expectation < 0 ? "unexpected" : "expected #" + std::to_string(p.expectation + 1))
          << (p.why.empty() ? "" : " (" + p.why + ")") << ": " << p.keys << " keys in " << p.ranges
          << " ranges\n";
      for (const SweepRange& r : p.examples) out << "    " << describe(r, o.label_a, o.label_b) << "\n";
    }
  }
  for (std::size_t i = 0; i < d.keys_per_expectation.size(); ++i)
    if (o.classifier->applies(i) && d.keys_per_expectation[i] == 0)
      out << "expected but same: #" << i + 1 << " (" << meta.expectations[i].scope.why << ")\n";
  return out.str();
}

TEST(SweepExample, WrittenByTheSuiteWriterDiffedAndClassified) {
  TempDir dir;
  const suite::SweepWriteResult musl = write_side(dir / "run-musl", true);
  const suite::SweepWriteResult glibc = write_side(dir / "run-glibc", false);
  ASSERT_EQ(musl.error, "");
  ASSERT_EQ(glibc.error, "");
  EXPECT_EQ(musl.keys, 0xB00u + 0x100u + 4u);

  SweepCatalog catalog;
  store::add_sweeps_from_toml(catalog, kSweepsToml, "example/sweeps.toml", "example");
  const SweepMeta& meta = catalog.sweeps.at("Example.WidthsAndSymbols");
  const SweepClassifier classifier(meta.expectations, {"musl", "1.2.5", "clang 16", "libc++ 16"},
                                   {"glibc", "2.36", "clang 16", "libc++ 16"});
  EXPECT_FALSE(classifier.applies(3));  // glibc < 2.30

  SweepDiffOptions options;
  options.label_a = "musl";
  options.label_b = "glibc";
  options.classifier = &classifier;
  options.full_diff = dir / "report" / "Example.WidthsAndSymbols.diff.tsv";
  std::filesystem::create_directories(dir / "report");
  const std::string file = suite::sweep_file_name("Example", "WidthsAndSymbols");
  const SweepDiff d = diff_tables(dir / "run-musl" / file, dir / "run-glibc" / file, options);

  // The reader's hash is the writer's: a harness can check a table against its sweep.hash property.
  EXPECT_EQ(d.a.hash, musl.hash);
  EXPECT_EQ(d.b.hash, glibc.hash);
  EXPECT_EQ(format_hash(d.a.hash), suite::format_sweep_hash(musl.hash));

  EXPECT_EQ(render(d, meta, options),
            "148 of 3076/3076 keys differ: 81 unexpected, 67 expected, in 2 groups and 6 ranges\n"
            "symbol: 4 keys (2 only on musl, 2 only on glibc), 1 unexpected\n"
            "  unexpected: 1 keys in 1 ranges\n"
            "    symbol secure_getenv: musl (absent), glibc present (1 key)\n"
            "  expected #2 (BSD string functions that glibc only gained in 2.38): 2 keys in 1 ranges\n"
            "    symbol strlcat..strlcpy: musl present, glibc (absent) (2 keys)\n"
            "  expected #3 (glibc's internal entry points): 1 keys in 1 ranges\n"
            "    symbol __libc_start_main: musl (absent), glibc present (1 key)\n"
            "wcwidth: 144 keys (0 only on musl, 0 only on glibc), 80 unexpected\n"
            "  unexpected: 80 keys in 2 ranges\n"
            "    wcwidth U+1F9C0..U+1F9FF: musl 1, glibc 2 (64 keys)\n"
            "    wcwidth U+1FAF0..U+1FAFF: musl -1, glibc 2 (16 keys)\n"
            "  expected #1 (musl's width table is older): 64 keys in 1 ranges\n"
            "    wcwidth U+1F980..U+1F9BF: musl 1, glibc 2 (64 keys)\n"
            "expected but same: #5 (private use)\n");

  // The full diff beside the report: every differing key, one line each, with its verdict.
  const std::string full = testing::read_text(options.full_diff);
  EXPECT_EQ(std::count(full.begin(), full.end(), '\n'), 148 + 1);
  EXPECT_NE(full.find("symbol __libc_start_main\t\\N\tpresent\texpected 3\n"), std::string::npos);
  EXPECT_NE(full.find("wcwidth U+1F9C0\t1\t2\tunexpected\n"), std::string::npos);
  EXPECT_NE(full.find("wcwidth U+1F9BF\t1\t2\texpected 1\n"), std::string::npos);
}

}  // namespace
}  // namespace libcdiff::sweep

namespace libcdiff::sweep {
namespace {

// The same path on slices of real tables from musl 1.2.5 and glibc 2.36 (harness/testing/data/sweep).
// The counts were established independently of libcdiff (a short Python script over the two files).
TEST(SweepExample, RealSlicesOfMuslAndGlibcTables) {
  const std::filesystem::path data = std::filesystem::path(LIBCDIFF_TESTDATA) / "sweep";
  SweepCatalog catalog;
  store::add_sweeps_from_toml(catalog, store::read_file(data / "sweeps.toml"),
                              (data / "sweeps.toml").string(), "sample");
  const SweepMeta& meta = catalog.sweeps.at("Sample.WidthsAndCase");
  const SweepClassifier classifier(meta.expectations, {"musl", "1.2.5", "clang 16", "libc++ 16"},
                                   {"glibc", "2.36", "clang 16", "libc++ 16"});
  SweepDiffOptions options;
  options.label_a = "musl";
  options.label_b = "glibc";
  options.classifier = &classifier;
  const SweepDiff d = diff_tables(data / "musl.sample.sweep.tsv", data / "glibc.sample.sweep.tsv", options);
  EXPECT_EQ(d.a.keys, 832u);
  EXPECT_EQ(d.b.keys, 832u);
  EXPECT_EQ(d.differing_keys, 209u);
  EXPECT_EQ(d.keys_per_expectation, (std::vector<std::uint64_t>{90, 84}));
  EXPECT_EQ(d.unexpected_keys, 35u);
  ASSERT_EQ(d.details.size(), 2u);

  const SweepGroup& towupper = d.details[0];
  EXPECT_EQ(towupper.family(), "towupper");
  EXPECT_EQ(towupper.unexpected_keys(), 27u);
  EXPECT_EQ(towupper.ranges, 27u) << "each shifted mapping is a range of its own (see sweep_table.hpp)";
  EXPECT_EQ(describe(towupper.parts.at(0).examples.at(0), "musl", "glibc"),
            "towupper U+00DF: musl U+1E9E, glibc U+00DF (1 key)");

  const SweepGroup& wcwidth = d.details[1];
  ASSERT_EQ(wcwidth.parts.size(), 3u);
  const SweepPart& unexpected = wcwidth.parts[0];
  EXPECT_EQ(unexpected.expectation, -1);
  EXPECT_EQ(unexpected.keys, 8u);
  ASSERT_EQ(unexpected.examples.size(), 3u);
  EXPECT_EQ(describe(unexpected.examples[0], "musl", "glibc"),
            "wcwidth U+0600..U+0605: musl 0, glibc 1 (6 keys)");
  EXPECT_EQ(describe(unexpected.examples[1], "musl", "glibc"), "wcwidth U+1F93B: musl 2, glibc 1 (1 key)");
  EXPECT_EQ(describe(unexpected.examples[2], "musl", "glibc"), "wcwidth U+1F946: musl 2, glibc 1 (1 key)");
  EXPECT_EQ(wcwidth.parts[1].why, "glibc answers -1 for unassigned code points, musl 1");
  EXPECT_EQ(wcwidth.parts[2].keys, 84u);
}

}  // namespace
}  // namespace libcdiff::sweep
