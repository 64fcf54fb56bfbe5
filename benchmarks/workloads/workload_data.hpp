// Deterministic inputs shared by the workloads: a fixed-seed PRNG that yields the same sequence with
// libc++ and libstdc++ (std::uniform_int_distribution does not), and generators of text-like data.
// Nothing here depends on the libc being measured: both targets see byte-identical inputs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace libcdiff::workloads {

// splitmix64: tiny, fast, and fully specified.
class Prng {
 public:
  explicit Prng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n).
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(((next() >> 32) * n) >> 32); }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

// A size in [low, high] whose logarithm is uniform: as many 16-32 B blocks as 32-64 KiB ones, the
// shape allocator papers use for "random sizes".
size_t log_uniform_size(Prng& rng, size_t low, size_t high);

// English-like prose of exactly `bytes` bytes: words from a fixed vocabulary with a skewed (Zipf-like)
// frequency, sentences, commas, some numbers, lines of at most 72 columns.
std::string prose(size_t bytes, uint64_t seed);

// Server log lines: timestamp, level, worker, client IPv4 (sometimes a forwarded one too), sometimes a
// user's e-mail address, method, path, status, duration and a message.
std::vector<std::string> log_lines(size_t count, uint64_t seed);

// Personal names as a directory lists them: accented Latin letters (é, ö, å, ç, ł), capitals and
// lower-case particles (de, van), apostrophes, hyphens and numbered duplicates; UTF-8.
std::vector<std::string> person_names(size_t count, uint64_t seed);

}  // namespace libcdiff::workloads
