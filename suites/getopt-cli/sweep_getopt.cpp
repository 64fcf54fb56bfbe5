// Sweep: getopt (POSIX XSH getopt) over every argument vector of length 0-3 drawn from the tokens
//   -a  -b  -ab  -c  -cX  --  -  x  -?
// (820 vectors; argv[0] is "prog") with the option string "abc:" and the same with each prefix
// the libcs give a meaning to: "+" (stop at the first operand; glibc), "-" (operands returned as
// option 1; both), ":" (report a missing argument as ':'; POSIX), "+:" and "-:". The value is the
// sequence of returns ("a", "c=X" with optarg, "?(q)" / ":(c)" with optopt, "1=x" for an operand
// returned in order), then optind and the argument vector as getopt left it (glibc permutes it).
// Reset between vectors: optind = 0. POSIX only defines optind = 1, which does not clear the
// position inside a cluster such as "-ab"; glibc documents optind = 0 as a full reinitialisation
// (posix/getopt.c, _getopt_initialize) and musl treats it the same way (src/misc/getopt.c resets
// __optpos and sets optind to 1). Every vector is parsed to the end, so no cluster is left half
// read either way. opterr = 0: the diagnostics go to stderr and are not what is swept.
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

const char* const kTokens[] = {"-a", "-b", "-ab", "-c", "-cX", "--", "-", "x", "-?"};

std::string parse(const char* optstring, const std::vector<std::string>& args) {
  std::vector<std::string> storage = {"prog"};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : storage) argv.push_back(s.data());
  argv.push_back(nullptr);
  opterr = 0;
  optind = 0;
  std::string out;
  for (int guard = 0; guard < 20; ++guard) {
    optarg = nullptr;
    optopt = 0;
    const int c = getopt(static_cast<int>(storage.size()), argv.data(), optstring);
    if (c == -1) break;
    if (!out.empty()) out += " ";
    if (c == '?' || c == ':') {
      out += std::string(1, static_cast<char>(c)) + "(" +
             (optopt ? std::string(1, static_cast<char>(optopt)) : "0") + ")";
    } else if (c == 1) {
      out += std::string("1=") + (optarg ? optarg : "NULL");
    } else {
      out += std::string(1, static_cast<char>(c));
      if (optarg != nullptr) out += std::string("=") + optarg;
    }
  }
  if (out.empty()) out = "none";
  out += " | optind " + std::to_string(optind) + " | argv";
  for (std::size_t i = 1; i + 1 < argv.size(); ++i) out += std::string(" ") + argv[i];
  return out;
}

TEST(Getopt, SweepShortOptions) {
  std::vector<std::vector<std::string>> vectors = {{}};
  std::vector<std::vector<std::string>> level = {{}};
  for (int n = 1; n <= 3; ++n) {
    std::vector<std::vector<std::string>> next;
    for (const auto& prefix : level)
      for (const char* t : kTokens) {
        auto v = prefix;
        v.push_back(t);
        next.push_back(v);
      }
    vectors.insert(vectors.end(), next.begin(), next.end());
    level = next;
  }
  SweepTable table;
  for (const char* optstring : {"abc:", "+abc:", "-abc:", ":abc:", "+:abc:", "-:abc:"}) {
    for (const auto& v : vectors) {
      std::string key;
      for (const std::string& t : v) key += (key.empty() ? "" : ",") + t;
      table.set(std::string("getopt ") + optstring + " " + (key.empty() ? "(none)" : key),
                parse(optstring, v));
    }
  }
  optind = 0;  // leave getopt reset for whatever runs next
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
