// Differential fuzzing of wordexp (issue 12 item 4; common/fuzz_driver.hpp), always with WRDE_NOCMD.
// Generated: 1-6 tokens (the words a b ab a=b, spaces, ' " \ # ~ * ? [a], the expansions $FOO ${FOO}
// ${BAR:-x} ${NONE:-x} $NONE ${#FOO} and $((1+2))); variants 0 and UNDEF (WRDE_UNDEF).
// Each evaluating child clears its environment and sets FOO="f o", BAR="" and HOME=/home/fuzz, and
// works in a fixed directory the test creates (files a, ab, "b c", .h), so ~ and * expand the same
// way every run; stderr goes to /dev/null (the shell's syntax errors).
// Never a command: musl's wordexp runs /bin/sh on the text (src/misc/wordexp.c) after its own
// WRDE_NOCMD scan, which can be fooled by quotes it misreads. So inputs that could hold a command
// or a process-dependent value are not evaluated ("skipped", the same on every libc): a backquote, a
// '(' or ')' outside an intact "$((1+2))", a newline, "$$" or "${$" (the pid).
// Observed: the return code (WRDE_BADCHAR, ...) or "0 N [word]..." with the N words.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wordexp.h>

#include <cstdio>
#include <string>
#include <vector>

#include "common/fuzz_driver.hpp"

namespace libcdiff::suite {
namespace {

std::string work_dir;  // set in the parent before run_fuzz_sweep

const char* const kFiles[] = {"a", "ab", "b c", ".h"};

FuzzInput generate_wordexp(FuzzRng& rng) {
  static const std::vector<std::string> tokens = {
      "a",    "b",    "ab",     "a=b",       " ",          " ",     "'",       "'",
      "\"",   "\"",   "\\",     "#",         "~",          "*",     "?",       "[a]",
      "$FOO", "$FOO", "${FOO}", "${BAR:-x}", "${NONE:-x}", "$NONE", "${#FOO}", "$((1+2))"};
  static const std::vector<std::string> variants = {"0", "UNDEF"};
  const std::string& variant = rng.pick(variants);
  return {variant, fuzz_token_string(rng, tokens, 1, 6)};
}

bool could_run_anything(const std::string& text) {
  if (text.find_first_of("`\n") != std::string::npos) return true;
  if (text.find("$$") != std::string::npos || text.find("${$") != std::string::npos) return true;
  std::string rest = text;
  for (std::size_t at; (at = rest.find("$((1+2))")) != std::string::npos;) rest.erase(at, 8);
  return rest.find_first_of("()") != std::string::npos;
}

std::string wordexp_error_name(int rc) {
  switch (rc) {
    case WRDE_BADCHAR:
      return "WRDE_BADCHAR";
    case WRDE_BADVAL:
      return "WRDE_BADVAL";
    case WRDE_CMDSUB:
      return "WRDE_CMDSUB";
    case WRDE_NOSPACE:
      return "WRDE_NOSPACE";
    case WRDE_SYNTAX:
      return "WRDE_SYNTAX";
    default:
      return "error " + std::to_string(rc);
  }
}

void prepare_child() {
  static bool done = false;  // per evaluating child: the parent never evaluates
  if (done) return;
  done = true;
  const int null = open("/dev/null", O_WRONLY);
  if (null >= 0) dup2(null, 2), close(null);
  clearenv();
  setenv("FOO", "f o", 1);
  setenv("BAR", "", 1);
  setenv("HOME", "/home/fuzz", 1);
  if (chdir(work_dir.c_str()) != 0) _exit(4);
}

std::string evaluate_wordexp(const std::string& variant, const std::string& text) {
  if (could_run_anything(text)) return "skipped";
  prepare_child();
  const int flags = WRDE_NOCMD | (variant == "UNDEF" ? WRDE_UNDEF : 0);
  wordexp_t we{};
  const int rc = wordexp(text.c_str(), &we, flags);
  if (rc != 0) return wordexp_error_name(rc);
  std::string out = "0 " + std::to_string(we.we_wordc);
  for (std::size_t i = 0; i < we.we_wordc; ++i) out += " [" + std::string(we.we_wordv[i]) + "]";
  wordfree(&we);
  return out;
}

TEST(Glob, FuzzWordexp) {
  char dir[] = "/tmp/libcdiff-fuzzwordexp.XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  work_dir = dir;
  bool ok = true;
  for (const char* name : kFiles) {
    FILE* f = std::fopen((work_dir + "/" + name).c_str(), "w");
    ok = ok && f != nullptr;
    if (f != nullptr) std::fclose(f);
  }
  if (ok)
    run_fuzz_sweep({.family = "wordexp",
                    .default_count = 1500,
                    .generate = generate_wordexp,
                    .evaluate = evaluate_wordexp});
  else
    ADD_FAILURE() << "cannot create the files in " << work_dir;
  for (const char* name : kFiles) remove((work_dir + "/" + name).c_str());
  rmdir(dir);
}

}  // namespace
}  // namespace libcdiff::suite
