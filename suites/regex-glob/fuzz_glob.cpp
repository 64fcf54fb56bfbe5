// Differential fuzzing of glob (issue 12 item 4; common/fuzz_driver.hpp).
// The test builds a fixed tree in a new temporary directory, TMP/n1/n2/t (kTree: a, ab, A, .hidden,
// b[1], c*, "sp ace", x\y, dir/x, dir/.y, dir/sub/z), and globs "TMP/n1/n2/t/" + a generated pattern
// of 1-8 tokens (file-name pieces a b c x y A dir sub hidden 1, the space, and * ? [ ] ! - \ / .
// [!a] [a-c] [.]), with at most two '/' so that a pattern can climb out of t through ".." at most
// into n1 and n2, whose contents are fixed. Variants: 0, NOESCAPE, MARK, NOCHECK and PERIOD
// (GLOB_PERIOD, a GNU extension both libcs define).
// Observed: the return code (GLOB_NOMATCH, ...) or "0" followed by the sorted paths with the tree's
// prefix "TMP/n1/n2/t" removed, separated by ';' (a path outside the tree would be "<outside>").
#include <glob.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "common/fuzz_driver.hpp"

namespace libcdiff::suite {
namespace {

// Created in the parent before run_fuzz_sweep; the children that evaluate inherit it.
std::string tree_root;  // TMP/n1/n2/t

const char* const kTree[] = {"a",    "ab",   "A",     ".hidden", "b[1]",     "c*",       "sp ace",
                             "x\\y", "dir/", "dir/x", "dir/.y",  "dir/sub/", "dir/sub/z"};

FuzzInput generate_glob(FuzzRng& rng) {
  static const std::vector<std::string> tokens = {
      "a", "a", "b", "c", "x", "y", "A",  "dir", "sub", "hidden", "1", " ",    "*",     "*",  "*",
      "?", "?", "[", "]", "!", "-", "\\", "/",   "/",   ".",      ".", "[!a]", "[a-c]", "[.]"};
  static const std::vector<std::string> variants = {"0", "NOESCAPE", "MARK", "NOCHECK", "PERIOD"};
  const std::string& variant = rng.pick(variants);
  std::string text = fuzz_token_string(rng, tokens, 1, 8);
  // At most two slashes (see above): drop the later ones.
  std::string kept;
  int slashes = 0;
  for (char c : text)
    if (c != '/' || ++slashes <= 2) kept += c;
  return {variant, kept};
}

std::string glob_error_name(int rc) {
  switch (rc) {
    case GLOB_NOSPACE:
      return "GLOB_NOSPACE";
    case GLOB_ABORTED:
      return "GLOB_ABORTED";
    case GLOB_NOMATCH:
      return "GLOB_NOMATCH";
#ifdef GLOB_NOSYS
    case GLOB_NOSYS:
      return "GLOB_NOSYS";
#endif
    default:
      return "error " + std::to_string(rc);
  }
}

std::string evaluate_glob(const std::string& variant, const std::string& text) {
  if (std::count(text.begin(), text.end(), '/') > 2) return "skipped: more than two '/'";
  int flags = 0;
  if (variant == "NOESCAPE") flags = GLOB_NOESCAPE;
  if (variant == "MARK") flags = GLOB_MARK;
  if (variant == "NOCHECK") flags = GLOB_NOCHECK;
#ifdef GLOB_PERIOD
  if (variant == "PERIOD") flags = GLOB_PERIOD;
#else
  if (variant == "PERIOD") return "GLOB_PERIOD undefined";
#endif
  glob_t g{};
  const int rc = glob((tree_root + "/" + text).c_str(), flags, nullptr, &g);
  std::string out = rc == 0 ? "0" : glob_error_name(rc);
  std::vector<std::string> paths;
  for (std::size_t i = 0; g.gl_pathv != nullptr && i < g.gl_pathc; ++i) {
    const std::string path = g.gl_pathv[i];
    paths.push_back(path.starts_with(tree_root) ? path.substr(tree_root.size()) : "<outside>");
  }
  if (rc == 0) globfree(&g);
  std::sort(paths.begin(), paths.end());
  for (std::size_t i = 0; i < paths.size(); ++i) out += (i == 0 ? " " : ";") + paths[i];
  return out;
}

bool make_tree(const std::string& base) {
  tree_root = base + "/n1/n2/t";
  bool ok = mkdir((base + "/n1").c_str(), 0755) == 0 && mkdir((base + "/n1/n2").c_str(), 0755) == 0 &&
            mkdir(tree_root.c_str(), 0755) == 0;
  for (const char* entry : kTree) {
    const std::string path = tree_root + "/" + entry;
    if (path.back() == '/') {
      ok = ok && mkdir(path.c_str(), 0755) == 0;
    } else {
      FILE* f = std::fopen(path.c_str(), "w");
      ok = ok && f != nullptr;
      if (f != nullptr) std::fclose(f);
    }
  }
  return ok;
}

void remove_tree(const std::string& base) {
  for (auto it = std::rbegin(kTree); it != std::rend(kTree); ++it) remove((tree_root + "/" + *it).c_str());
  rmdir(tree_root.c_str());
  rmdir((base + "/n1/n2").c_str());
  rmdir((base + "/n1").c_str());
  rmdir(base.c_str());
}

TEST(Glob, FuzzGlob) {
  char base[] = "/tmp/libcdiff-fuzzglob.XXXXXX";
  ASSERT_NE(mkdtemp(base), nullptr);
  if (make_tree(base))
    run_fuzz_sweep(
        {.family = "glob", .default_count = 8000, .generate = generate_glob, .evaluate = evaluate_glob});
  else
    ADD_FAILURE() << "cannot build the tree under " << base;
  remove_tree(base);
}

}  // namespace
}  // namespace libcdiff::suite
