// libm results, printed as hexadecimal floats so one ulp shows.
// References: musl wiki "Mathematical library" (accuracy goals), musl 1.1.23 WHATSNEW (Arm's
// exp/log/pow adopted, as in glibc >= 2.28), musl src/math/tgamma.c (Lanczos, not correctly
// rounded), glibc sysdeps/ieee754/dbl-64/e_gamma_r.c.
#include <gtest/gtest.h>

#include <cfenv>
#include <cmath>
#include <cstdio>
#include <string>

#include "common/observe.hpp"

extern "C" double libcdiff_complex_probe(int which, int imag);

namespace libcdiff::suite {
namespace {

std::string hex(double v) {
  char b[64];
  std::snprintf(b, sizeof b, "%a", v);
  return b;
}

// volatile inputs: the compiler must not constant-fold these calls with its own libm.
volatile double g_half = 0.5, g_one_half = 1.5, g_ten_one = 10.1, g_three_seven = 3.7, g_big = 1e22,
                g_seven_hundred = 700.5;

// Negative control: these share one implementation lineage (Arm optimized-routines) on both.
TEST(Math, ElementaryFunctionsAgreeBitForBit) {
  observe("sin_1e22", hex(std::sin(g_big)));
  observe("cos_3.7", hex(std::cos(g_three_seven)));
  observe("exp_700.5", hex(std::exp(g_seven_hundred)));
  observe("log_10.1", hex(std::log(g_ten_one)));
  observe("pow_1.5_10.1", hex(std::pow(g_one_half, g_ten_one)));
  observe("erf_0.5", hex(std::erf(g_half)));
  EXPECT_EQ(std::sqrt(4.0), 2.0);
}

TEST(Math, GammaCbrtTanLastBits) {
  observe("tgamma_0.5", hex(std::tgamma(g_half)));
  observe("tgamma_1.5", hex(std::tgamma(g_one_half)));
  observe("tgamma_10.1", hex(std::tgamma(g_ten_one)));
  observe("lgamma_3.7", hex(std::lgamma(g_three_seven)));
  observe("cbrt_1.5", hex(std::cbrt(g_one_half)));
  observe("tan_10.1", hex(std::tan(g_ten_one)));
  // Both are within a few ulp of the true value: sqrt(pi) for tgamma(0.5).
  EXPECT_NEAR(std::tgamma(g_half), 1.7724538509055160273, 1e-15);
}

TEST(Math, ComplexBranchCuts) {
  const auto show = [](int which) {
    return hex(libcdiff_complex_probe(which, 0)) + " " + hex(libcdiff_complex_probe(which, 1));
  };
  observe("casin_2+0i", show(0));
  observe("csqrt_-4-0i", show(1));
  observe("cacos_2+0i", show(2));
  observe("clog_-1+0i", show(3));
  // csqrt(-4 - 0i) is 0 - 2i: the sign of the zero imaginary part selects the branch (C11 G.6.4.2).
  EXPECT_EQ(libcdiff_complex_probe(1, 1), -2.0);
}

// Negative control (non-differences.md): printf honours the rounding mode on both.
TEST(Math, PrintfUnderUpwardRounding) {
  volatile double third = 1.0 / 3.0;
  std::fesetround(FE_UPWARD);
  char b[64];
  std::snprintf(b, sizeof b, "%.1f %.3f", 0.25, third);
  std::fesetround(FE_TONEAREST);
  observe("printf_fe_upward", b);
  EXPECT_EQ(std::fegetround(), FE_TONEAREST);
}

}  // namespace
}  // namespace libcdiff::suite
