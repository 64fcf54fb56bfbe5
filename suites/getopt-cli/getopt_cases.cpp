// getopt and getopt_long. Each case runs in a child process: getopt keeps global state (optind,
// and glibc's hidden permutation state) that the two libcs reset differently.
// References: musl src/misc/getopt.c, getopt_long.c (permutes since 1.1.6), musl wiki
// "GNU quirks", glibc posix/getopt.c (permutation, POSIXLY_CORRECT).
#include <getopt.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "common/child_process.hpp"
#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

// Runs getopt over argv in a child; the child's exit code encodes (recognised -v) * 10 + optind.
std::string parse(std::vector<std::string> args, bool use_long, const char* posixly_correct = nullptr) {
  const std::string fate = run_in_child([&] {
    if (posixly_correct) setenv("POSIXLY_CORRECT", posixly_correct, 1);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    opterr = 0;
    const option longs[] = {{"verbose", no_argument, nullptr, 'v'}, {nullptr, 0, nullptr, 0}};
    int seen_v = 0, c;
    while ((c = use_long ? getopt_long(static_cast<int>(args.size()), argv.data(), "v", longs, nullptr)
                         : getopt(static_cast<int>(args.size()), argv.data(), "v")) != -1)
      seen_v += c == 'v';
    return seen_v * 10 + optind;
  });
  if (!fate.starts_with("exit ")) return fate;
  const int code = std::stoi(fate.substr(5));
  return std::string(code / 10 ? "-v recognised" : "-v not recognised") +
         ", optind=" + std::to_string(code % 10);
}

TEST(Getopt, ShortOptionsAfterOperands) {
  observe("getopt_file_then_v", parse({"prog", "file", "-v"}, false));
  EXPECT_EQ(parse({"prog", "-v", "file"}, false), "-v recognised, optind=2")
      << "options first work everywhere";
}

// Negative control: getopt_long permutes on both (musl >= 1.1.6).
TEST(Getopt, LongOptionsPermute) {
  observe("getopt_long_file_then_v", parse({"prog", "file", "-v"}, true));
  observe("getopt_long_file_then_verbose", parse({"prog", "file", "--verbose"}, true));
  EXPECT_EQ(parse({"prog", "--verbose"}, true), "-v recognised, optind=2");
}

// Negative control: with POSIXLY_CORRECT glibc stops permuting, which is what musl always does.
TEST(Getopt, PosixlyCorrectStopsPermutation) {
  observe("getopt_file_then_v_posixly_correct", parse({"prog", "file", "-v"}, false, "1"));
  SUCCEED();
}

std::string diagnostic(std::vector<std::string> args) {
  std::string err;
  run_in_child(
      [&] {
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        opterr = 1;
        while (getopt(static_cast<int>(args.size()), argv.data(), "v:") != -1) {
        }
        return 0;
      },
      &err);
  while (!err.empty() && err.back() == '\n') err.pop_back();
  return err;
}

TEST(Getopt, ErrorMessages) {
  const std::string invalid = diagnostic({"prog", "-A"});
  const std::string missing = diagnostic({"prog", "-v"});
  observe("invalid_option", invalid);
  observe("missing_argument", missing);
  EXPECT_NE(invalid.find("prog"), std::string::npos) << "the message names the program";
}

}  // namespace
}  // namespace libcdiff::suite
