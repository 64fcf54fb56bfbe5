#include "compare/estimator.hpp"

#include <gtest/gtest.h>

#include "util/error.hpp"

namespace libcdiff::compare {
namespace {

TEST(Estimator, NamesTheMedianAndLowPercentiles) {
  EXPECT_EQ(parse_estimator("").name(), "median");
  EXPECT_EQ(parse_estimator("median").quantile, 0.5);
  EXPECT_EQ(parse_estimator("p50").name(), "median");
  EXPECT_DOUBLE_EQ(parse_estimator("p10").quantile, 0.10);
  EXPECT_EQ(parse_estimator("p10").name(), "p10");
  EXPECT_EQ(parse_estimator("p10").plural(), "10th percentiles");
  EXPECT_EQ(parse_estimator("p1").plural(), "1st percentiles");
  EXPECT_EQ(parse_estimator("p22").plural(), "22nd percentiles");
  EXPECT_EQ(parse_estimator("p13").plural(), "13th percentiles");
  EXPECT_EQ(parse_estimator("median").plural(), "medians");
}

TEST(Estimator, RefusesAnythingElseNamingTheOption) {
  for (const char* bad : {"p0", "p51", "p90", "p10x", "p", "10", "p-5", "p 5", "P10", "mean", "p1.5"}) {
    EXPECT_FALSE(estimator_from_name(bad)) << bad;
    try {
      parse_estimator(bad);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const Fatal& e) {
      EXPECT_EQ(e.line().rfind("libcdiff: error: --estimator ", 0), 0u) << e.line();
    }
  }
}

}  // namespace
}  // namespace libcdiff::compare
