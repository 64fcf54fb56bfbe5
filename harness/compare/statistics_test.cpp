#include "compare/statistics.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

namespace libcdiff::compare {
namespace {

nlohmann::json scipy_fixture() {
  std::ifstream in(LIBCDIFF_TESTDATA "/stats/mann_whitney.json");
  return nlohmann::json::parse(in);
}

TEST(Statistics, MannWhitneyMatchesScipy) {
  const auto fixture = scipy_fixture();
  ASSERT_GE(fixture["cases"].size(), 5u);
  for (const auto& c : fixture["cases"]) {
    const auto a = c["a"].get<std::vector<double>>();
    const auto b = c["b"].get<std::vector<double>>();
    EXPECT_NEAR(mann_whitney_u_p_value(a, b), c["p_value"].get<double>(), 1e-9) << c["name"];
    EXPECT_NEAR(mann_whitney_u_p_value(b, a), c["p_value"].get<double>(), 1e-9) << c["name"] << " (swapped)";
  }
}

TEST(Statistics, MediansMatchNumpy) {
  // A named local: iterating a member of a temporary dangles (ASan found it here).
  const auto fixture = scipy_fixture();
  for (const auto& c : fixture["cases"]) {
    EXPECT_DOUBLE_EQ(median(c["a"].get<std::vector<double>>()), c["median_a"].get<double>()) << c["name"];
    EXPECT_DOUBLE_EQ(median(c["b"].get<std::vector<double>>()), c["median_b"].get<double>()) << c["name"];
  }
}

TEST(Statistics, BootstrapIntervalBracketsTheRatioAndIsReproducible) {
  const std::vector<double> slow = {20.1, 20.5, 19.8, 20.9, 20.2, 20.0, 21.1, 19.9, 20.4};
  const std::vector<double> fast = {10.2, 10.1, 9.9, 10.4, 10.0, 10.3, 9.8, 10.6, 10.1};
  const auto r = bootstrap_ratio_of_medians(slow, fast, 42);
  EXPECT_NEAR(r.ratio, 2.0, 0.05);
  EXPECT_LE(r.low, r.ratio);
  EXPECT_GE(r.high, r.ratio);
  EXPECT_GT(r.low, 1.8);
  EXPECT_LT(r.high, 2.2);
  const auto again = bootstrap_ratio_of_medians(slow, fast, 42);
  EXPECT_EQ(r.low, again.low);
  EXPECT_EQ(r.high, again.high);
}

TEST(Statistics, QuantileInterpolatesLikeNumpy) {
  // numpy.quantile([1..10], 0.1) == 1.9 and numpy.quantile([3, 1, 2], 0.25) == 1.5 (linear method).
  EXPECT_DOUBLE_EQ(quantile({10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 0.1), 1.9);
  EXPECT_DOUBLE_EQ(quantile({3, 1, 2}, 0.25), 1.5);
  EXPECT_DOUBLE_EQ(quantile({4, 1, 3, 2}, 0.5), median({4, 1, 3, 2}));
  EXPECT_THROW(quantile({}, 0.1), std::invalid_argument);
  EXPECT_THROW(quantile({1, 2}, 1.0), std::invalid_argument);
  EXPECT_THROW(quantile({1, 2}, 0.0), std::invalid_argument);
}

TEST(Statistics, TheMedianBootstrapIsTheQuantileBootstrapAtOneHalf) {
  const std::vector<double> a = {20.1, 20.5, 19.8, 20.9, 20.2, 20.0, 21.1, 19.9};
  const std::vector<double> b = {10.2, 10.1, 9.9, 10.4, 10.0, 10.3, 9.8, 10.6};
  const auto m = bootstrap_ratio_of_medians(a, b, 3);
  const auto q = bootstrap_ratio_of_quantiles(a, b, 0.5, 3);
  EXPECT_EQ(m.ratio, q.ratio);
  EXPECT_EQ(m.low, q.low);
  EXPECT_EQ(m.high, q.high);
}

TEST(Statistics, LowQuantileRatioIsTheFastStatesRatio) {
  // Two machine states: 70% fast, 30% at double the time on one side, half and half on the other.
  // The 10th percentiles see only the fast state (ratio 2); the medians mix the states.
  std::vector<double> side, reference;
  for (int i = 0; i < 40; ++i) {
    const double jitter = 1 + 0.002 * (i % 5);
    side.push_back((i % 10 < 7 ? 20.0 : 40.0) * jitter);
    reference.push_back((i % 2 == 0 ? 10.0 : 20.0) * jitter);
  }
  const auto low = bootstrap_ratio_of_quantiles(side, reference, 0.1, 5);
  EXPECT_NEAR(low.ratio, 2.0, 0.01);
  EXPECT_LT(low.high - low.low, 0.05);
  const auto mid = bootstrap_ratio_of_medians(side, reference, 5);
  EXPECT_GT(mid.high - mid.low, 0.3) << "the median of a two-state sample is uncertain";
}

TEST(Statistics, BootstrapIntervalOfIdenticalSamplesContainsOne) {
  const std::vector<double> a = {5.0, 5.2, 4.9, 5.1, 5.0, 5.3, 4.8, 5.1, 5.0};
  const auto r = bootstrap_ratio_of_medians(a, a, 7);
  EXPECT_LE(r.low, 1.0);
  EXPECT_GE(r.high, 1.0);
}

TEST(Statistics, GeometricMeanAndCv) {
  EXPECT_NEAR(geometric_mean({1.0, 4.0}), 2.0, 1e-12);
  EXPECT_NEAR(geometric_mean({0.5, 2.0, 1.0}), 1.0, 1e-12);
  EXPECT_THROW(geometric_mean({1.0, -1.0}), std::invalid_argument);
  EXPECT_NEAR(coefficient_of_variation({10, 10, 10}), 0.0, 1e-12);
  EXPECT_NEAR(coefficient_of_variation({9, 10, 11}), 0.1, 1e-12);
}

}  // namespace
}  // namespace libcdiff::compare
