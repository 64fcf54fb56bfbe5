// wordexp with WRDE_NOCMD: the flag's promise is that no command substitution runs, so that a
// program can expand user-supplied words safely. Found by Glob.FuzzWordexp's review of musl's
// src/misc/wordexp.c (issue 12): musl checks the input for "$(" and "`" itself, tracking quotes, and
// then hands it to "sh -c eval"; its check does not know that '#' starts a comment, so in
// "#'<newline>$(cmd)" it sees an opening quote and takes the newline and "$(" as quoted, while the
// shell ends the comment at the newline and runs cmd.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wordexp.h>

#include <cstdlib>
#include <string>

#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

std::string wordexp_code(int rc) {
  switch (rc) {
    case 0:
      return "0";
    case WRDE_BADCHAR:
      return "WRDE_BADCHAR";
    case WRDE_CMDSUB:
      return "WRDE_CMDSUB";
    case WRDE_SYNTAX:
      return "WRDE_SYNTAX";
    default:
      return std::to_string(rc);
  }
}

// Expands `words` with WRDE_NOCMD; the substitution, if it runs, creates `marker`.
std::string expand_and_check(const std::string& words, const std::string& marker) {
  wordexp_t we;
  const int rc = wordexp(words.c_str(), &we, WRDE_NOCMD);
  if (rc == 0) wordfree(&we);
  struct stat st;
  const bool ran = stat(marker.c_str(), &st) == 0;
  unlink(marker.c_str());
  return wordexp_code(rc) + (ran ? ", the command ran" : ", no command ran");
}

TEST(Glob, WordexpNocmdComment) {
  char dir[] = "/tmp/libcdiff-wordexp-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  const std::string marker = std::string(dir) + "/ran";
  // The plain substitution is refused by both (the control), the commented one is the finding.
  observe("plain_substitution", expand_and_check("$(: > " + marker + ")", marker));
  observe("after_comment_quote", expand_and_check("#'\n$(: > " + marker + ")", marker));
  observe("word_then_comment_quote", expand_and_check("a #'\n$(: > " + marker + ")", marker));
  rmdir(dir);
  EXPECT_EQ(expand_and_check("$(: > " + marker + ")", marker), "WRDE_CMDSUB, no command ran")
      << "both libcs refuse a plain command substitution under WRDE_NOCMD";
}

}  // namespace
}  // namespace libcdiff::suite
