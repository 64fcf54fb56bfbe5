// Differential fuzzing of fnmatch (issue 12 item 4; common/fuzz_driver.hpp).
// Generated: patterns of 1-8 tokens (a A b . / - ! ^ * ? [ ] \ the bracket pieces [! [^ [:alpha:]
// [:digit:] a-c, and the UTF-8 letter é), under one of the 16 combinations of FNM_PATHNAME,
// FNM_NOESCAPE, FNM_PERIOD, FNM_CASEFOLD, named as Glob.SweepFnmatch names them ("0",
// "PATHNAME|PERIOD", ...). The C locale (the suite never calls setlocale), so é is two bytes.
// Observed: which of the fixed subjects kSubjects match ("matches: a .a", "=" for the empty string,
// "none"), then "; errors: s(rc)" for the subjects where fnmatch returned neither 0 nor FNM_NOMATCH.
#include <fnmatch.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/fuzz_driver.hpp"

namespace libcdiff::suite {
namespace {

const char* const kSubjects[] = {"",  "a",  "A", "b", "ab", "aB", ".a", "a/b",     "a/.b",
                                 "/", "\\", "[", "]", "-",  "!",  "^",  "\xC3\xA9"};

FuzzInput generate_fnmatch(FuzzRng& rng) {
  static const std::vector<std::string> tokens = {
      "a", "a", "a", "A", "b", "b", ".",  "/",  "/",  "-",  "!",         "^",         "*",   "*",
      "?", "?", "[", "[", "]", "]", "\\", "\\", "[!", "[^", "[:alpha:]", "[:digit:]", "a-c", "\xC3\xA9"};
  static const char* const names[] = {"PATHNAME", "NOESCAPE", "PERIOD", "CASEFOLD"};
  const unsigned mask = static_cast<unsigned>(rng.below(16));
  std::string variant;
  for (unsigned bit = 0; bit < 4; ++bit)
    if (mask & (1u << bit)) variant += (variant.empty() ? "" : "|") + std::string(names[bit]);
  if (variant.empty()) variant = "0";
  return {variant, fuzz_token_string(rng, tokens, 1, 8)};
}

std::string evaluate_fnmatch(const std::string& variant, const std::string& text) {
  int flags = 0;
  if (variant.find("PATHNAME") != std::string::npos) flags |= FNM_PATHNAME;
  if (variant.find("NOESCAPE") != std::string::npos) flags |= FNM_NOESCAPE;
  if (variant.find("PERIOD") != std::string::npos) flags |= FNM_PERIOD;
  if (variant.find("CASEFOLD") != std::string::npos) flags |= FNM_CASEFOLD;
  std::string matches, errors;
  for (const char* subject : kSubjects) {
    const int rc = fnmatch(text.c_str(), subject, flags);
    const std::string shown = *subject ? subject : "=";
    if (rc == 0)
      matches += " " + shown;
    else if (rc != FNM_NOMATCH)
      errors += " " + shown + "(" + std::to_string(rc) + ")";
  }
  std::string value = "matches:" + (matches.empty() ? std::string(" none") : matches);
  if (!errors.empty()) value += "; errors:" + errors;
  return value;
}

TEST(Glob, FuzzFnmatch) {
  run_fuzz_sweep({.family = "fnmatch",
                  .default_count = 20000,
                  .generate = generate_fnmatch,
                  .evaluate = evaluate_fnmatch});
}

}  // namespace
}  // namespace libcdiff::suite
