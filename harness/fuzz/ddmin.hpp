// Delta debugging (Zeller and Hildebrandt, "Simplifying and Isolating Failure-Inducing Input", 2002)
// of one input, stepped from outside so that many inputs are minimised together: each round asks for
// a list of candidates, the caller evaluates all candidates of all inputs in one batch per target
// (one suite process each, instead of one per candidate), and hands the verdicts back.
//
// Each round offers the n chunks of the current input and their n complements. The first chunk that
// is still interesting becomes the input (n = 2); else the first interesting complement (n - 1);
// else n doubles, up to one byte per chunk. It stops 1-minimal: no single byte can be removed, or
// after `max_rounds`. Deterministic: the same verdicts give the same result.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace libcdiff::fuzz {

class Minimizer {
 public:
  explicit Minimizer(std::string input, std::size_t max_rounds = 200);

  bool done() const { return done_; }
  const std::string& current() const { return current_; }
  std::size_t rounds() const { return rounds_; }

  // This round's candidates, distinct and never the current input itself; empty when done.
  const std::vector<std::string>& candidates() const { return candidates_; }
  // interesting[i] is the verdict on candidates()[i].
  void advance(const std::vector<bool>& interesting);

 private:
  void plan();

  std::string current_;
  std::size_t granularity_ = 2;
  std::size_t rounds_ = 0;
  std::size_t max_rounds_;
  bool done_ = false;
  std::vector<std::string> candidates_;
  std::size_t subsets_ = 0;  // candidates_[0, subsets_) are chunks, the rest complements
};

}  // namespace libcdiff::fuzz
