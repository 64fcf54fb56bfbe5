// POSIX regex and glob/fnmatch. References: musl wiki "Regular expressions" (TRE-based: no ERE
// back-references, GNU operators differ), musl src/regex/regcomp.c, include/regex.h (regoff_t),
// glibc posix/regcomp.c.
#include <fnmatch.h>
#include <glob.h>
#include <gtest/gtest.h>
#include <regex.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

// "match [so,eo)", "no match", or "regcomp: <error code>".
std::string search(const char* pattern, int flags, const char* subject) {
  regex_t re;
  const int rc = regcomp(&re, pattern, flags);
  if (rc != 0) {
    char message[128];
    regerror(rc, &re, message, sizeof message);
    return std::string("regcomp error: ") + message;
  }
  regmatch_t m[2];
  const int found = regexec(&re, subject, 2, m, 0);
  regfree(&re);
  if (found != 0) return "no match";
  return "match [" + std::to_string(m[0].rm_so) + "," + std::to_string(m[0].rm_eo) + ")";
}

TEST(Regex, EreBackreference) {
  observe("ere_(a)\\1_on_xaa", search("(a)\\1", REG_EXTENDED, "xaa"));
  EXPECT_EQ(search("\\(a\\)\\1", 0, "xaa"), "match [1,3)") << "BRE back-references work everywhere";
}

TEST(Regex, GnuOperators) {
  observe("ere_a{,2}b", search("a{,2}b", REG_EXTENDED, "aab"));
  observe("ere_backslash_d", search("\\d+", REG_EXTENDED, "ab12"));
  observe("ere_backslash_backtick", search("\\`a", REG_EXTENDED, "ab"));
  observe("bre_backslash_plus", search("a\\+", 0, "caaa"));
  observe("ere_backslash_w", search("\\w+", REG_EXTENDED, "  word "));
  EXPECT_EQ(search("a+", REG_EXTENDED, "caaa"), "match [1,4)");
}

TEST(Regex, RegmatchLayout) {
  observe("sizeof_regoff_t", static_cast<long long>(sizeof(regoff_t)));
#ifdef REG_STARTEND
  observe("REG_STARTEND", "defined");
#else
  observe("REG_STARTEND", "undefined");
#endif
  EXPECT_GE(sizeof(regoff_t), 4u);
}

// Negative control: plain ERE semantics, leftmost-longest.
TEST(Regex, PosixLeftmostLongest) {
  observe("alternation_longest", search("a|ab|abc", REG_EXTENDED, "abcd"));
  observe("bracket_class", search("[[:digit:]]+", REG_EXTENDED, "x2024y"));
  observe("icase", search("HELLO", REG_EXTENDED | REG_ICASE, "say hello"));
  EXPECT_EQ(search("x*", REG_EXTENDED, "abc"), "match [0,0)");
}

// Negative control: glob and fnmatch basics.
TEST(Glob, PatternsAndSorting) {
  char dir_template[] = "./libcdiff-glob-XXXXXX";
  ASSERT_NE(mkdtemp(dir_template), nullptr);
  const std::string dir = dir_template;
  for (const char* name : {"b.txt", "a.txt", ".hidden.txt", "c.log"})
    std::fclose(std::fopen((dir + "/" + name).c_str(), "w"));
  glob_t g;
  ASSERT_EQ(glob((dir + "/*.txt").c_str(), 0, nullptr, &g), 0);
  std::string names;
  for (size_t i = 0; i < g.gl_pathc; ++i) names += std::string(g.gl_pathv[i]).substr(dir.size() + 1) + " ";
  globfree(&g);
  observe("glob_star_txt", names);
  observe("glob_nomatch",
          glob((dir + "/*.none").c_str(), 0, nullptr, &g) == GLOB_NOMATCH ? "GLOB_NOMATCH" : "other");
  observe("fnmatch_casefold", fnmatch("*.TXT", "a.txt", FNM_CASEFOLD) == 0 ? "match" : "no match");
  observe("fnmatch_pathname", fnmatch("*", "a/b", FNM_PATHNAME) == 0 ? "match" : "no match");
  for (const char* name : {"b.txt", "a.txt", ".hidden.txt", "c.log"}) std::remove((dir + "/" + name).c_str());
  rmdir(dir.c_str());
  EXPECT_EQ(names, "a.txt b.txt ");
}

}  // namespace
}  // namespace libcdiff::suite
