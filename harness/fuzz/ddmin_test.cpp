#include "fuzz/ddmin.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

namespace libcdiff::fuzz {
namespace {

// Runs a minimiser to the end against a predicate, as the fuzz session does with suite verdicts.
std::string minimise(const std::string& input, const std::function<bool(const std::string&)>& interesting,
                     std::size_t* rounds = nullptr) {
  Minimizer m(input);
  while (!m.done()) {
    std::vector<bool> verdicts;
    for (const auto& c : m.candidates()) verdicts.push_back(interesting(c));
    m.advance(verdicts);
  }
  if (rounds != nullptr) *rounds = m.rounds();
  return m.current();
}

TEST(Minimizer, FindsTheBytesThatMatter) {
  // The "libc difference" needs a backslash followed (anywhere later) by a '1'.
  const auto needs = [](const std::string& s) {
    const auto slash = s.find('\\');
    return slash != std::string::npos && s.find('1', slash) != std::string::npos;
  };
  EXPECT_EQ(minimise("(ab*)|c\\x[1]yz", needs), "\\1");
}

TEST(Minimizer, ResultIsOneMinimal) {
  const auto two_as_and_a_b = [](const std::string& s) {
    return std::count(s.begin(), s.end(), 'a') >= 2 && s.find('b') != std::string::npos;
  };
  const std::string result = minimise("xxaxxxxbxxxaxxxx", two_as_and_a_b);
  EXPECT_EQ(result, "aba");
  for (std::size_t i = 0; i < result.size(); ++i)
    EXPECT_FALSE(two_as_and_a_b(result.substr(0, i) + result.substr(i + 1)))
        << "byte " << i << " is removable";
}

TEST(Minimizer, AnInputThatCannotShrinkStaysAsItIs) {
  EXPECT_EQ(minimise("abc", [](const std::string& s) { return s == "abc"; }), "abc");
  EXPECT_EQ(minimise("x", [](const std::string&) { return true; }), "x");
  Minimizer empty("");
  EXPECT_TRUE(empty.done());
  EXPECT_TRUE(empty.candidates().empty());
}

TEST(Minimizer, CandidatesAreDistinctAndNeverTheInput) {
  Minimizer m("aaaaaaaa");
  for (int round = 0; round < 5 && !m.done(); ++round) {
    std::set<std::string> seen(m.candidates().begin(), m.candidates().end());
    EXPECT_EQ(seen.size(), m.candidates().size());
    EXPECT_EQ(seen.count(m.current()), 0u);
    m.advance(std::vector<bool>(m.candidates().size(), false));
  }
}

TEST(Minimizer, StopsAfterItsRoundLimit) {
  Minimizer m(std::string(64, 'x'), 3);
  while (!m.done()) m.advance(std::vector<bool>(m.candidates().size(), false));
  EXPECT_EQ(m.rounds(), 3u);
  EXPECT_EQ(m.current(), std::string(64, 'x'));
}

TEST(Minimizer, FewRoundsForALongInput) {
  std::size_t rounds = 0;
  const std::string input = std::string(500, 'x') + "!" + std::string(500, 'y');
  EXPECT_EQ(minimise(
                input, [](const std::string& s) { return s.find('!') != std::string::npos; }, &rounds),
            "!");
  EXPECT_LE(rounds, 25u);  // halving: about log2(1001) rounds, each a single batch
}

}  // namespace
}  // namespace libcdiff::fuzz
