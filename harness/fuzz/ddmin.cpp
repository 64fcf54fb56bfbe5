#include "fuzz/ddmin.hpp"

#include <algorithm>
#include <set>

namespace libcdiff::fuzz {

Minimizer::Minimizer(std::string input, std::size_t max_rounds)
    : current_(std::move(input)), max_rounds_(max_rounds) {
  plan();
}

void Minimizer::plan() {
  candidates_.clear();
  subsets_ = 0;
  if (current_.empty() || rounds_ >= max_rounds_) {
    done_ = true;
    return;
  }
  const std::size_t n = std::min(granularity_, current_.size());
  std::vector<std::pair<std::size_t, std::size_t>> chunks;  // [begin, end)
  for (std::size_t i = 0; i < n; ++i)
    chunks.emplace_back(current_.size() * i / n, current_.size() * (i + 1) / n);
  std::set<std::string> seen{current_};
  auto offer = [&](std::string candidate) {
    if (seen.insert(candidate).second) candidates_.push_back(std::move(candidate));
  };
  // With two chunks each is the other's complement: offering the chunks is enough.
  for (const auto& [begin, end] : chunks) offer(current_.substr(begin, end - begin));
  subsets_ = candidates_.size();
  if (n > 2)
    for (const auto& [begin, end] : chunks) offer(current_.substr(0, begin) + current_.substr(end));
}

void Minimizer::advance(const std::vector<bool>& interesting) {
  if (done_) return;
  ++rounds_;
  const std::size_t n = std::min(granularity_, current_.size());
  std::size_t chosen = candidates_.size();
  for (std::size_t i = 0; i < candidates_.size() && i < interesting.size(); ++i)
    if (interesting[i]) {
      chosen = i;
      break;
    }
  if (chosen < subsets_) {
    current_ = candidates_[chosen];
    granularity_ = 2;
  } else if (chosen < candidates_.size()) {
    current_ = candidates_[chosen];
    granularity_ = std::max<std::size_t>(n - 1, 2);
  } else if (n < current_.size()) {
    granularity_ = std::min(n * 2, current_.size());
  } else {
    done_ = true;
    candidates_.clear();
    return;
  }
  plan();
}

}  // namespace libcdiff::fuzz
