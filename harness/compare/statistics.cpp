#include "compare/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>
#include <utility>

namespace libcdiff::compare {

double median(std::vector<double> values) {
  if (values.empty()) throw std::invalid_argument("median of no values");
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double coefficient_of_variation(const std::vector<double>& values) {
  if (values.size() < 2) return 0;
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  double squares = 0;
  for (double v : values) squares += (v - mean) * (v - mean);
  const double sd = std::sqrt(squares / static_cast<double>(values.size() - 1));
  return mean == 0 ? 0 : sd / mean;
}

namespace {

double percentile(std::vector<double>& sorted, double p) {
  // Linear interpolation between closest ranks (numpy's default).
  const double position = p * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(position));
  const size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

std::vector<double> resample(const std::vector<double>& values, std::mt19937_64& rng) {
  std::uniform_int_distribution<size_t> pick(0, values.size() - 1);
  std::vector<double> out(values.size());
  for (auto& v : out) v = values[pick(rng)];
  return out;
}

// Ranks with ties averaged (1-based), for the pooled sample.
std::vector<double> average_ranks(const std::vector<double>& pooled, double* tie_term) {
  std::vector<size_t> order(pooled.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return pooled[x] < pooled[y]; });
  std::vector<double> ranks(pooled.size());
  *tie_term = 0;
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && pooled[order[j + 1]] == pooled[order[i]]) ++j;
    const double rank = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (size_t k = i; k <= j; ++k) ranks[order[k]] = rank;
    const double t = static_cast<double>(j - i + 1);
    *tie_term += t * t * t - t;
    i = j + 1;
  }
  return ranks;
}

// Number of ways to reach each U value for sample sizes m and n (no ties): the exact null distribution.
std::vector<double> u_distribution(int m, int n) {
  // counts[i][j][u] built iteratively over i (first sample size) with a rolling table.
  std::vector<std::vector<std::vector<double>>> table(
      static_cast<size_t>(m + 1), std::vector<std::vector<double>>(static_cast<size_t>(n + 1)));
  for (int i = 0; i <= m; ++i)
    for (int j = 0; j <= n; ++j) {
      auto& cell = table[static_cast<size_t>(i)][static_cast<size_t>(j)];
      cell.assign(static_cast<size_t>(i * j + 1), 0.0);
      if (i == 0 || j == 0) {
        cell[0] = 1;
        continue;
      }
      // The largest value belongs to the first sample (adds j to U) or to the second (adds 0).
      const auto& from_first = table[static_cast<size_t>(i - 1)][static_cast<size_t>(j)];
      const auto& from_second = table[static_cast<size_t>(i)][static_cast<size_t>(j - 1)];
      for (size_t u = 0; u < from_first.size(); ++u) cell[u + static_cast<size_t>(j)] += from_first[u];
      for (size_t u = 0; u < from_second.size(); ++u) cell[u] += from_second[u];
    }
  return table[static_cast<size_t>(m)][static_cast<size_t>(n)];
}

double normal_survival(double z) {
  return 0.5 * std::erfc(z / std::sqrt(2.0));
}

}  // namespace

double quantile(std::vector<double> values, double p) {
  if (values.empty()) throw std::invalid_argument("quantile of no values");
  if (!(p > 0 && p < 1)) throw std::invalid_argument("quantile outside (0, 1)");
  // The median keeps its own formula so results from before --estimator stay bit for bit the same.
  if (p == 0.5) return median(std::move(values));
  std::sort(values.begin(), values.end());
  return percentile(values, p);
}

RatioInterval bootstrap_ratio_of_quantiles(const std::vector<double>& a, const std::vector<double>& b,
                                           double p, std::uint64_t seed, int resamples) {
  if (a.empty() || b.empty()) throw std::invalid_argument("bootstrap of an empty sample");
  RatioInterval out;
  out.ratio = quantile(a, p) / quantile(b, p);
  std::mt19937_64 rng(seed);
  std::vector<double> ratios;
  ratios.reserve(static_cast<size_t>(resamples));
  for (int i = 0; i < resamples; ++i)
    ratios.push_back(quantile(resample(a, rng), p) / quantile(resample(b, rng), p));
  std::sort(ratios.begin(), ratios.end());
  out.low = percentile(ratios, 0.025);
  out.high = percentile(ratios, 0.975);
  return out;
}

RatioInterval bootstrap_ratio_of_medians(const std::vector<double>& a, const std::vector<double>& b,
                                         std::uint64_t seed, int resamples) {
  return bootstrap_ratio_of_quantiles(a, b, 0.5, seed, resamples);
}

double mann_whitney_u_p_value(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.empty() || b.empty()) throw std::invalid_argument("Mann-Whitney U of an empty sample");
  const double m = static_cast<double>(a.size());
  const double n = static_cast<double>(b.size());
  std::vector<double> pooled(a);
  pooled.insert(pooled.end(), b.begin(), b.end());
  double tie_term = 0;
  const auto ranks = average_ranks(pooled, &tie_term);
  const double rank_sum_a = std::accumulate(ranks.begin(), ranks.begin() + static_cast<long>(a.size()), 0.0);
  const double u1 = rank_sum_a - m * (m + 1) / 2;
  const double u2 = m * n - u1;
  const double u = std::max(u1, u2);  // scipy's two-sided test uses the larger U
  const bool exact = (a.size() < 8 || b.size() < 8) && tie_term == 0;
  if (exact) {
    const auto counts = u_distribution(static_cast<int>(a.size()), static_cast<int>(b.size()));
    const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
    double at_least = 0;
    for (size_t k = static_cast<size_t>(std::llround(u)); k < counts.size(); ++k) at_least += counts[k];
    return std::min(1.0, 2 * at_least / total);
  }
  const double mean = m * n / 2;
  const double variance = m * n / 12 * ((m + n + 1) - tie_term / ((m + n) * (m + n - 1)));
  if (variance <= 0) return 1.0;
  const double z = (u - mean - 0.5) / std::sqrt(variance);  // continuity correction
  return std::min(1.0, 2 * normal_survival(z));
}

double geometric_mean(const std::vector<double>& values) {
  if (values.empty()) throw std::invalid_argument("geometric mean of no values");
  double logs = 0;
  for (double v : values) {
    if (v <= 0) throw std::invalid_argument("geometric mean needs positive values");
    logs += std::log(v);
  }
  return std::exp(logs / static_cast<double>(values.size()));
}

}  // namespace libcdiff::compare
