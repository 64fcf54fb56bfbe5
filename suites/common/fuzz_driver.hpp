// Differential fuzzing (issue 12 item 4) for parsers whose inputs have no finite domain: regcomp,
// fnmatch, glob, printf formats, strtod/strtol, strptime, getopt, wordexp. A fuzz case is a sweep
// (common/sweep_table.hpp) whose keys are generated inputs:
//
//   key   = <family> [" " <variant>] " " <input>   e.g. "regex ERE|ICASE a(b|)*"
//   value = what the libc did with the input (the parser's evaluate())
//
// In the input a space is written "␠" (U+2420) and the empty input is "∅" (U+2205), so the input is
// the key's last item; generated inputs that contain either sign are dropped. The harness (`libcdiff
// fuzz`, harness/fuzz/) reads the same key form back to minimise a differing input.
//
// Both targets evaluate the same inputs: input i of a run is generate() with a FuzzRng seeded from
// (seed, case id, i) only, never from the libc (no rand(), no <random> distributions, whose results
// are the C++ library's choice). A generator draws once per statement (or in a braced list, which is
// evaluated left to right): the operands of + and a call's arguments are evaluated in an unspecified
// order, and gcc and clang differ. What runs comes from the environment:
//   LIBCDIFF_FUZZ_SEED    the run's seed (default 1)
//   LIBCDIFF_FUZZ_FIRST   the first input index (default 0): batches of one run never overlap
//   LIBCDIFF_FUZZ_COUNT   how many inputs (default: the parser's default_count)
//   LIBCDIFF_FUZZ_INPUTS  a file of inputs to evaluate instead of generating (the harness's
//                         minimisation rounds), one per line: <variant> TAB <input as hex digits>
// The case records fuzz.seed, fuzz.first, fuzz.count and fuzz.mode as properties.
//
// Every input is evaluated in a forked child (in chunks), so an input that crashes or hangs one libc
// is that input's observation ("crash SIGSEGV", "timeout") instead of the end of the case.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/fuzz_key.hpp"

namespace libcdiff::suite {

// splitmix64: small, well known, and the same numbers on every libc and C++ library.
class FuzzRng {
 public:
  explicit FuzzRng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // Uniform in [0, n) for n > 0 (0 for n == 0).
  std::uint64_t below(std::uint64_t n);
  // True with probability percent/100.
  bool chance(unsigned percent) { return below(100) < percent; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_;
};

struct FuzzInput {
  std::string variant;  // "" or a word naming flags/argument ("ERE|ICASE"); no spaces
  std::string text;     // the input bytes, any bytes
};

struct FuzzParser {
  std::string family;  // the key's first word ("regex"); no spaces
  std::uint64_t default_count = 10000;
  std::function<FuzzInput(FuzzRng&)> generate;
  // Deterministic: the same variant and text give the same observation on one libc. Runs in a child.
  std::function<std::string(const std::string& variant, const std::string& text)> evaluate;
  // Seconds one chunk of inputs may take in its child before it counts as hung.
  unsigned chunk_timeout_seconds = 30;
};

// Inside a gtest case: generates (or reads) the inputs, evaluates them and writes the sweep table.
void run_fuzz_sweep(const FuzzParser& parser);

// Pieces for generators: a string of `min`..`max` tokens drawn from `tokens`.
std::string fuzz_token_string(FuzzRng& rng, const std::vector<std::string>& tokens, unsigned min,
                              unsigned max);

}  // namespace libcdiff::suite
