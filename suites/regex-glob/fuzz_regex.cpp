// Differential fuzzing of regcomp/regexec (issue 12 item 4; common/fuzz_driver.hpp).
// Generated: patterns of 1-10 tokens drawn from a weighted list (the literals a b, the
// metacharacters . * + ? | ( ) [ ] [^ ^ $ \ { } , -, the digits 1 2, the BRE forms \( \) \{ \}, the
// back-reference \1, the bracket expressions [[:alpha:]] [[:digit:]] [[=a=]] [[.a.]] [a-c], and the
// escapes \n \w \s \< \> \b that are GNU extensions), compiled with one of the variants ERE, BRE,
// ERE|ICASE, BRE|ICASE, ERE|NEWLINE, ERE|NOSUB (in the C locale).
// Observed: "rejected <REG_ code>", or "nsub N" followed by, for each subject of kSubjects in order,
// "-" (no match) or "so,eo" of match 0 with "(so,eo)" for groups 1 and 2 (those the pattern has;
// "(-)" unset). Under REG_NOSUB only "y"/"-" per subject (pmatch is not filled in then).
#include <gtest/gtest.h>
#include <regex.h>

#include <string>
#include <vector>

#include "common/fuzz_driver.hpp"
#include "regex-glob/regcomp_error_name.hpp"

namespace libcdiff::suite {
namespace {

const char* const kSubjects[] = {"", "a", "ab", "aab", "b\na", "(a)", "a{1}", "A.b"};

FuzzInput generate_regex(FuzzRng& rng) {
  static const std::vector<std::string> tokens = {
      "a",   "a",   "a",   "a",   "b",   "b",           "b",           ".",       "*",       "*",
      "+",   "?",   "|",   "|",   "(",   "(",           ")",           ")",       "[",       "]",
      "[^",  "^",   "$",   "\\",  "\\1", "\\(",         "\\)",         "\\{",     "\\}",     "{",
      "}",   "1",   "2",   ",",   "-",   "[[:alpha:]]", "[[:digit:]]", "[[=a=]]", "[[.a.]]", "[a-c]",
      "\\n", "\\w", "\\s", "\\<", "\\>", "\\b"};
  static const std::vector<std::string> variants = {"ERE",       "BRE",         "ERE|ICASE",
                                                    "BRE|ICASE", "ERE|NEWLINE", "ERE|NOSUB"};
  const std::string& variant = rng.pick(variants);
  return {variant, fuzz_token_string(rng, tokens, 1, 10)};
}

std::string offsets(const regmatch_t& m) {
  if (m.rm_so < 0) return "-";
  return std::to_string(m.rm_so) + "," + std::to_string(m.rm_eo);
}

std::string evaluate_regex(const std::string& variant, const std::string& text) {
  int flags = variant.starts_with("ERE") ? REG_EXTENDED : 0;
  if (variant.find("ICASE") != std::string::npos) flags |= REG_ICASE;
  if (variant.find("NEWLINE") != std::string::npos) flags |= REG_NEWLINE;
  const bool nosub = variant.find("NOSUB") != std::string::npos;
  if (nosub) flags |= REG_NOSUB;
  regex_t re;
  const int rc = regcomp(&re, text.c_str(), flags);
  if (rc != 0) return "rejected " + regcomp_error_name(rc);
  std::string out = "nsub " + std::to_string(re.re_nsub);
  const std::size_t groups = re.re_nsub < 2 ? re.re_nsub : 2;
  for (const char* subject : kSubjects) {
    regmatch_t m[3];
    const int found = nosub ? regexec(&re, subject, 0, nullptr, 0) : regexec(&re, subject, 3, m, 0);
    out += ' ';
    if (found == REG_NOMATCH) {
      out += '-';
    } else if (found != 0) {
      out += "E" + std::to_string(found);
    } else if (nosub) {
      out += 'y';
    } else {
      out += offsets(m[0]);
      for (std::size_t g = 1; g <= groups; ++g) out += "(" + offsets(m[g]) + ")";
    }
  }
  regfree(&re);
  return out;
}

TEST(Regex, FuzzRegex) {
  run_fuzz_sweep(
      {.family = "regex", .default_count = 20000, .generate = generate_regex, .evaluate = evaluate_regex});
}

}  // namespace
}  // namespace libcdiff::suite
