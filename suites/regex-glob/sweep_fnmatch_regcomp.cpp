// Sweeps of the two pattern languages of POSIX (XCU 2.13 pattern matching, XBD 9 regular expressions):
//   SweepFnmatch: fnmatch for every pattern of length 0-3 over the alphabet  a * ? [ ] ! - \ /
//     (820 patterns) under every combination of FNM_PATHNAME, FNM_NOESCAPE, FNM_PERIOD and
//     FNM_CASEFOLD, against every string of length 0-2 over  a A b / . - \ ] !  (91 strings). One key
//     per flags and pattern; its value lists the strings that match ("=" for the empty string) and
//     those for which fnmatch reported an error rather than FNM_NOMATCH.
//   SweepRegcomp: regcomp for every pattern of length 0-3 over  a . * + ? | ( ) [ ] { } ^ $ \ 1 ,
//     (5220 patterns) as BRE and as ERE, in three families: "regcomp" accepted (with re_nsub) or
//     rejected, "regcomp-error" the error code ("-" when accepted; so that two libcs rejecting a
//     pattern with different codes differ only there), and "regexec" where the pattern first matches
//     in each of "", "a", "aaa", "(a)" and "a{1}" ("-" when rejected).
// Patterns and strings in keys and values are written as they are, the empty one as "(empty)"/"=".
#include <fnmatch.h>
#include <gtest/gtest.h>
#include <regex.h>

#include <string>
#include <vector>

#include "common/sweep_table.hpp"
#include "regex-glob/regcomp_error_name.hpp"

namespace libcdiff::suite {
namespace {

std::vector<std::string> all_strings(const std::string& alphabet, int max_length) {
  std::vector<std::string> out = {""};
  std::vector<std::string> level = {""};
  for (int n = 1; n <= max_length; ++n) {
    std::vector<std::string> next;
    for (const std::string& prefix : level)
      for (char c : alphabet) next.push_back(prefix + c);
    out.insert(out.end(), next.begin(), next.end());
    level = next;
  }
  return out;
}

std::string shown(const std::string& s) {
  return s.empty() ? "(empty)" : s;
}

TEST(Glob, SweepFnmatch) {
  const std::vector<std::string> patterns = all_strings("a*?[]!-\\/", 3);
  const std::vector<std::string> subjects = all_strings("aAb/.-\\]!", 2);
  SweepTable table;
  for (int mask = 0; mask < 16; ++mask) {
    int flags = 0;
    std::string name;
    auto add = [&](int bit, int flag, const char* text) {
      if (!(mask & bit)) return;
      flags |= flag;
      name += name.empty() ? text : std::string("|") + text;
    };
    add(1, FNM_PATHNAME, "PATHNAME");
    add(2, FNM_NOESCAPE, "NOESCAPE");
    add(4, FNM_PERIOD, "PERIOD");
    add(8, FNM_CASEFOLD, "CASEFOLD");
    if (name.empty()) name = "0";
    for (const std::string& pattern : patterns) {
      std::string matches, errors;
      for (const std::string& subject : subjects) {
        const int rc = fnmatch(pattern.c_str(), subject.c_str(), flags);
        const std::string s = subject.empty() ? "=" : subject;
        if (rc == 0)
          matches += " " + s;
        else if (rc != FNM_NOMATCH)
          errors += " " + s + "(" + std::to_string(rc) + ")";
      }
      std::string value = "matches:" + (matches.empty() ? std::string(" none") : matches);
      if (!errors.empty()) value += "; errors:" + errors;
      table.set("fnmatch " + name + " " + shown(pattern), value);
    }
  }
  table.write();
}

TEST(Regex, SweepRegcomp) {
  const std::vector<std::string> patterns = all_strings("a.*+?|()[]{}^$\\1,", 3);
  const char* const subjects[] = {"", "a", "aaa", "(a)", "a{1}"};
  SweepTable table;
  for (int extended = 0; extended < 2; ++extended) {
    const std::string mode = extended ? "ERE " : "BRE ";
    for (const std::string& pattern : patterns) {
      regex_t re;
      const int rc = regcomp(&re, pattern.c_str(), extended ? REG_EXTENDED : 0);
      const std::string item = mode + shown(pattern);
      table.set("regcomp " + item,
                rc == 0 ? "ok nsub " + std::to_string(re.re_nsub) : std::string("rejected"));
      table.set("regcomp-error " + item, rc == 0 ? std::string("-") : regcomp_error_name(rc));
      if (rc != 0) {
        table.set("regexec " + item, "-");
        continue;
      }
      std::string value;
      for (const char* subject : subjects) {
        regmatch_t m[1];
        const int found = regexec(&re, subject, 1, m, 0);
        value += std::string(value.empty() ? "" : " ") + (*subject ? subject : "=") + ":";
        value += found == 0 ? std::string("[")
                                  .append(std::to_string(m[0].rm_so))
                                  .append(",")
                                  .append(std::to_string(m[0].rm_eo))
                                  .append(")")
                            : (found == REG_NOMATCH ? std::string("-") : "error " + std::to_string(found));
      }
      regfree(&re);
      table.set("regexec " + item, value);
    }
  }
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
