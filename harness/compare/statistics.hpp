// Statistics for benchmark comparisons (DESIGN §6): medians, a bootstrap confidence interval for the
// ratio of medians, the Mann-Whitney U test (as Google Benchmark's compare.py uses it), and the
// geometric mean. No packaged C++ library has these; unit tests check them against values computed
// once with scipy (harness/testing/data/stats/).
#pragma once

#include <cstdint>
#include <vector>

namespace libcdiff::compare {

double median(std::vector<double> values);
// Sample standard deviation / mean.
double coefficient_of_variation(const std::vector<double>& values);

struct RatioInterval {
  double ratio = 0;  // median(a) / median(b), or the chosen quantiles'
  double low = 0;    // 95% percentile bootstrap interval
  double high = 0;
};

// The p-quantile (0 < p < 1) with linear interpolation between closest ranks (numpy's default);
// quantile(v, 0.5) == median(v).
double quantile(std::vector<double> values, double p);

// Resamples a and b independently with replacement `resamples` times with a seeded generator, so
// the same inputs and seed give the same interval.
RatioInterval bootstrap_ratio_of_medians(const std::vector<double>& a, const std::vector<double>& b,
                                         std::uint64_t seed, int resamples = 2000);
// The same for quantile(a, p) / quantile(b, p) (the --estimator of DESIGN §6 as amended in
// compare/estimator.hpp).
RatioInterval bootstrap_ratio_of_quantiles(const std::vector<double>& a, const std::vector<double>& b,
                                           double p, std::uint64_t seed, int resamples = 2000);

// Two-sided Mann-Whitney U p-value, following scipy.stats.mannwhitneyu(method="auto"): the exact
// distribution when either sample has fewer than 8 values and there are no ties, otherwise the normal
// approximation with tie correction and continuity correction.
double mann_whitney_u_p_value(const std::vector<double>& a, const std::vector<double>& b);

// exp(mean(log(x))); x must be positive.
double geometric_mean(const std::vector<double>& values);

}  // namespace libcdiff::compare
