// Benchmark of the sweep path (issue 12: "10 million keys per target compared in seconds"). Prints
// figures; never fails on time. Registered as the ctest bench.sweep_diff (labels bench, slow).
//
//   sweep_diff_bench [KEYS_PER_SIDE [WRITER_KEYS]]     defaults: 10000000 and 1114112
//
// Generates two sorted tables of KEYS_PER_SIDE keys each in a temporary directory, shaped like a
// per-locale code point sweep ("wcwidth loc3 U+1F9A0"): ten families, runs of differing keys, scattered
// single differences and keys present on one side only. Then times
//   1. diff_tables alone (summary only),
//   2. diff_tables with a classifier of three expectations (range, pattern, predicate) and the full
//      diff written beside it,
//   3. the worst case: a table c whose every value differs from a's, classified, full diff written,
//   4. the suites' writer (SweepTable: set, sort, write) for WRITER_KEYS keys (default: one value per
//      Unicode code point, the largest domain of a single function),
// and reports seconds, throughput and the peak resident memory after each step.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "common/sweep_table.hpp"
#include "sweep/sweep_diff.hpp"
#include "util/error.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using libcdiff::sweep::SweepDiff;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

// "U+" and at least four upper-case hex digits, as suites/common/observe.hpp's codepoint() writes them.
void append_codepoint(std::string& out, unsigned cp) {
  char digits[8];
  int n = 0;
  do {
    digits[n++] = "0123456789ABCDEF"[cp & 0xF];
    cp >>= 4;
  } while (cp != 0);
  while (n < 4) digits[n++] = '0';
  out += "U+";
  while (n > 0) out += digits[--n];
}

struct Generated {
  std::uint64_t keys_a = 0;
  std::uint64_t keys_b = 0;
  std::uintmax_t bytes = 0;
};

// Ten families of keys_per_side / 10 points each. Side b differs from a on runs of 256 points every
// 65536 (value), on every 9973rd point (value), lacks every 100003rd point and has every 77777th point
// that a lacks.
Generated generate(const std::filesystem::path& dir, std::uint64_t keys_per_side) {
  Generated g;
  std::FILE* a = std::fopen((dir / "a.tsv").c_str(), "wb");
  std::FILE* b = std::fopen((dir / "b.tsv").c_str(), "wb");
  std::FILE* c = std::fopen((dir / "c.tsv").c_str(), "wb");
  if (a == nullptr || b == nullptr || c == nullptr) {
    std::perror("fopen");
    std::exit(2);
  }
  std::string chunk_a, chunk_b, chunk_c, line;
  chunk_a.reserve(1 << 21);
  chunk_b.reserve(1 << 21);
  chunk_c.reserve(1 << 21);
  const std::uint64_t per_family = keys_per_side / 10;
  std::uint64_t n = 0;
  for (int family = 0; family < 10; ++family) {
    for (unsigned cp = 0; cp < per_family; ++cp, ++n) {
      line.assign("wcwidth loc");
      line += static_cast<char>('0' + family);
      line += ' ';
      append_codepoint(line, cp);
      const char* value_a = cp % 7 == 0 ? "2" : "1";
      const bool in_run = (cp & 0xFFFF) >= 0x1F00 && (cp & 0xFFFF) < 0x2000;
      const char* value_b = in_run ? (cp % 7 == 0 ? "1" : "2") : n % 9973 == 0 ? "-1" : value_a;
      if (n % 77777 != 0) {
        chunk_a += line, chunk_a += '\t', chunk_a += value_a, chunk_a += '\n';
        chunk_c += line, chunk_c += "\tx", chunk_c += value_a, chunk_c += '\n';
        ++g.keys_a;
      }
      if (n % 100003 != 0 || n % 77777 == 0) {
        chunk_b += line, chunk_b += '\t', chunk_b += value_b, chunk_b += '\n';
        ++g.keys_b;
      }
      if (chunk_a.size() >= (1 << 20)) std::fwrite(chunk_a.data(), 1, chunk_a.size(), a), chunk_a.clear();
      if (chunk_b.size() >= (1 << 20)) std::fwrite(chunk_b.data(), 1, chunk_b.size(), b), chunk_b.clear();
      if (chunk_c.size() >= (1 << 20)) std::fwrite(chunk_c.data(), 1, chunk_c.size(), c), chunk_c.clear();
    }
  }
  std::fwrite(chunk_a.data(), 1, chunk_a.size(), a);
  std::fwrite(chunk_b.data(), 1, chunk_b.size(), b);
  std::fwrite(chunk_c.data(), 1, chunk_c.size(), c);
  std::fclose(a);
  std::fclose(b);
  std::fclose(c);
  g.bytes = std::filesystem::file_size(dir / "a.tsv") + std::filesystem::file_size(dir / "b.tsv");
  return g;
}

void print_diff(const char* what, const SweepDiff& d, double seconds, std::uintmax_t bytes) {
  std::printf("%-44s %7.2f s  %6.0f MB/s  %5.1f M keys/s  peak RSS %ld MiB\n", what, seconds,
              static_cast<double>(bytes) / 1e6 / seconds,
              static_cast<double>(d.a.keys + d.b.keys) / 1e6 / seconds, peak_rss_mib());
  std::printf("  %llu differing keys (%llu only a, %llu only b), %llu expected, %llu ranges, %llu groups\n",
              static_cast<unsigned long long>(d.differing_keys), static_cast<unsigned long long>(d.only_a),
              static_cast<unsigned long long>(d.only_b), static_cast<unsigned long long>(d.expected_keys),
              static_cast<unsigned long long>(d.ranges), static_cast<unsigned long long>(d.groups));
}

}  // namespace

int main(int argc, char** argv) {
  namespace sweep = libcdiff::sweep;
  const std::uint64_t keys = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10'000'000;
  const std::uint64_t writer_keys = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 0x110000;
  std::string pattern = (std::filesystem::temp_directory_path() / "libcdiff-sweep-bench-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return 2;
  const std::filesystem::path dir = pattern;
  int status = 0;
  try {
    auto start = Clock::now();
    const Generated g = generate(dir, keys);
    std::printf("generated %llu + %llu keys (%.0f MB) in %.2f s in %s\n",
                static_cast<unsigned long long>(g.keys_a), static_cast<unsigned long long>(g.keys_b),
                static_cast<double>(g.bytes) / 1e6, seconds_since(start), dir.c_str());

    start = Clock::now();
    const SweepDiff plain = sweep::diff_tables(dir / "a.tsv", dir / "b.tsv");
    print_diff("diff_tables (summary only)", plain, seconds_since(start), g.bytes);

    std::vector<sweep::SweepExpectation> expectations(3);
    for (auto& e : expectations) {
      e.scope.libc = "musl";
      e.scope.why = "benchmark";
    }
    expectations[0].ranges = {sweep::KeyRange::parse("U+1F00..U+1F7F")};
    expectations[1].patterns = {"wcwidth loc3 *", "wcwidth loc9 U+*"};
    expectations[2].predicate = sweep::ValuePredicate::parse("other == \"-1\"");
    const sweep::SweepClassifier classifier(expectations, {"musl", "1.2.5", "", ""},
                                            {"glibc", "2.36", "", ""});
    sweep::SweepDiffOptions options;
    options.label_a = "musl";
    options.label_b = "glibc";
    options.classifier = &classifier;
    options.full_diff = dir / "full-diff.tsv";
    start = Clock::now();
    const SweepDiff full = sweep::diff_tables(dir / "a.tsv", dir / "b.tsv", options);
    print_diff("diff_tables (classified, full diff written)", full, seconds_since(start), g.bytes);
    std::printf("  full diff: %.0f MB\n",
                static_cast<double>(std::filesystem::file_size(options.full_diff)) / 1e6);
    if (!full.details.empty() && !full.details[0].parts.empty() && !full.details[0].parts[0].examples.empty())
      std::printf("  e.g. %s\n",
                  sweep::describe(full.details[0].parts[0].examples[0], "musl", "glibc").c_str());

    options.full_diff = dir / "worst-diff.tsv";
    const std::uintmax_t worst_bytes =
        std::filesystem::file_size(dir / "a.tsv") + std::filesystem::file_size(dir / "c.tsv");
    start = Clock::now();
    const SweepDiff worst = sweep::diff_tables(dir / "a.tsv", dir / "c.tsv", options);
    print_diff("worst case: every key differs (as above)", worst, seconds_since(start), worst_bytes);
    std::printf("  full diff: %.0f MB\n",
                static_cast<double>(std::filesystem::file_size(options.full_diff)) / 1e6);

    start = Clock::now();
    libcdiff::suite::SweepTable table;
    table.reserve(writer_keys);
    char key[48];
    for (std::uint64_t i = writer_keys; i-- > 0;) {  // set in reverse: the writer sorts
      std::snprintf(key, sizeof key, "wcwidth U+%04llX", static_cast<unsigned long long>(i));
      table.set(key, static_cast<long long>(i % 3));
    }
    const double fill = seconds_since(start);
    start = Clock::now();
    const auto written = table.write_file((dir / "writer.tsv").string());
    const double write = seconds_since(start);
    if (!written.error.empty()) {
      std::fprintf(stderr, "writer: %s\n", written.error.c_str());
      status = 1;
    }
    std::printf("%-44s %7.2f s  (set %.2f s, sort + write %.2f s) for %llu keys  peak RSS %ld MiB\n",
                "SweepTable (suites' writer)", fill + write, fill, write,
                static_cast<unsigned long long>(written.keys), peak_rss_mib());
  } catch (const libcdiff::Fatal& e) {
    std::fprintf(stderr, "%s\n", e.line().c_str());
    status = 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    status = 1;
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return status;
}
