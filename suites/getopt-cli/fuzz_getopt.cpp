// Differential fuzzing of getopt (issue 12 item 4; common/fuzz_driver.hpp). The variant "oN" selects
// the N-th option string of kOptstrings below; the input is the argument vector after argv[0] ("prog"),
// its arguments separated by single spaces (so two spaces make an empty argument), at most 16
// arguments (the rest of the text is the 16th), generated from -a -b -c -W -- - -ab -ac -bvalue -cX
// -x -? -: -; words, --long, --long=v and "-é" (a UTF-8 option character).
// Reset before each vector: optind = 0 (glibc: full reinitialisation in posix/getopt.c
// _getopt_initialize; musl: src/misc/getopt.c lines 35-39 reset __optpos and set optind = 1 for
// optind == 0), opterr = 0, optarg = NULL and optopt = 0 before each call.
// Observation: the option string in brackets, the returns in order ("a", "b=value" with optarg, "?(x)" /
// ":(b)" with optopt, "1=w" for an operand returned in order, a character outside printable ASCII as its
// number "#57217"), then optind and the argument vector as getopt left it (glibc permutes it; an empty
// argument as '').
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "common/fuzz_driver.hpp"

namespace libcdiff::suite {
namespace {

const std::vector<std::string> kOptstrings = {
    "ab:c::", "+ab:", "-ab:", ":ab:", "a", "ab:W;", "+:ab:c::", "-:ab:c::"};

FuzzInput generate_getopt(FuzzRng& rng) {
  static const std::vector<std::string> tokens = {
      "-a", "-b", "-c", "-W", "--",   "-", "-ab",    "-ac",      "-bvalue",   "-cX",
      "-x", "-?", "-:", "-;", "word", "w", "--long", "--long=v", "-\xc3\xa9", "-Wlong"};
  const unsigned count = static_cast<unsigned>(rng.below(7));
  std::string text;
  for (unsigned i = 0; i < count; ++i) text += (i ? " " : "") + rng.pick(tokens);
  return {"o" + std::to_string(rng.below(kOptstrings.size())), text};
}

std::string character(int c) {
  if (c > 0x20 && c < 0x7f) return std::string(1, static_cast<char>(c));
  return "#" + std::to_string(c);
}

std::string evaluate_getopt(const std::string& variant, const std::string& text) {
  const unsigned long index = std::strtoul(variant.c_str() + 1, nullptr, 10);
  if (variant.empty() || variant[0] != 'o' || index >= kOptstrings.size()) return "bad variant";
  const char* optstring = kOptstrings[index].c_str();
  std::vector<std::string> storage = {"prog"};
  if (!text.empty()) {
    std::size_t at = 0;
    while (storage.size() < 16) {
      const std::size_t space = text.find(' ', at);
      if (space == std::string::npos) break;
      storage.push_back(text.substr(at, space - at));
      at = space + 1;
    }
    storage.push_back(text.substr(at));
  }
  std::vector<char*> argv;
  for (std::string& s : storage) argv.push_back(s.data());
  argv.push_back(nullptr);
  opterr = 0;
  optind = 0;
  std::string out = "[" + kOptstrings[index] + "]";
  int guard = 0;
  for (; guard < 100; ++guard) {
    optarg = nullptr;
    optopt = 0;
    const int c = getopt(static_cast<int>(storage.size()), argv.data(), optstring);
    if (c == -1) break;
    out += " ";
    if (c == '?' || c == ':') {
      out += std::string(1, static_cast<char>(c)) + "(" + character(optopt) + ")";
    } else {
      out += c == 1 ? "1" : character(c);
      if (optarg != nullptr) out += std::string("=") + optarg;
    }
  }
  if (guard == 100) out += " ...";
  out += " | optind " + std::to_string(optind) + " | argv";
  for (std::size_t i = 1; i + 1 < argv.size(); ++i) out += std::string(" ") + (*argv[i] ? argv[i] : "''");
  return out;
}

TEST(Getopt, FuzzGetopt) {
  run_fuzz_sweep(
      {.family = "getopt", .default_count = 30000, .generate = generate_getopt, .evaluate = evaluate_getopt});
  optind = 0;  // leave getopt reset for whatever runs next
}

}  // namespace
}  // namespace libcdiff::suite
