// Sweeps: every function of C17 <math.h> (7.12) that maps real arguments to a real result, plus the
// POSIX Bessel functions j0 j1 y0 y1 jn yn, on a grid of special and boundary arguments: +-0, the
// smallest and largest subnormal, the smallest normal, 0.5, 1 and its neighbours, 1.5, 2, 3, 10,
// pi/2, pi, the exp overflow and underflow thresholds, 1e22, 2^52, 2^53+2, 1e300, the largest finite,
// +-inf and both NaN signs -- each with both signs. One-argument functions in double, float and long
// double (the grid converted to each type, plus that type's own extremes); two-argument functions in double
// over the grid squared, ldexp/scalbn with int exponents around the limits, jn/yn with small orders. Three
// families per function: "<f> <x>" the result, exactly, from its bits (common/float_text.hpp, not printf);
// "errno <f> <x>" errno after the call; "flags <f> <x>" the floating-point exceptions it raised (I invalid, Z
// divide-by-zero, O overflow, U underflow, X inexact; empty when none, so that a flag one libc raises and the
// other does not is one deleted letter: equal-without "X"). Arguments are keys by their bit pattern
// (0x3ff0000000000000 is 1.0), so neighbouring arguments are neighbouring keys. Every function is called
// through a volatile function pointer: the compiler can neither fold nor inline it.
#include <gtest/gtest.h>

#include <cerrno>
#include <cfenv>
#include <cfloat>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "common/float_text.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

// The grid, as double bit patterns; NaNs by bits so their sign is certain.
std::vector<double> grid() {
  const std::uint64_t magnitudes[] = {
      0x0000000000000000,  // 0
      0x0000000000000001,  // smallest subnormal
      0x000fffffffffffff,  // largest subnormal
      0x0010000000000000,  // DBL_MIN
      0x3fe0000000000000,  // 0.5
      0x3fefffffffffffff,  // 1 - ulp
      0x3ff0000000000000,  // 1
      0x3ff0000000000001,  // 1 + ulp
      0x3ff8000000000000,  // 1.5
      0x3ff921fb54442d18,  // pi/2
      0x4000000000000000,  // 2
      0x400921fb54442d18,  // pi
      0x4008000000000000,  // 3
      0x4024000000000000,  // 10
      0x40862e42fefa39ef,  // 709.78: log(DBL_MAX), exp overflows just above
      0x408749d0e23d8f38,  // 745.13: -this is where exp underflows to 0
      0x44b52d02c7e14af6,  // 1e22
      0x4330000000000000,  // 2^52
      0x4340000000000001,  // 2^53 + 2
      0x7e37e43c8800759c,  // 1e300
      0x7fefffffffffffff,  // DBL_MAX
      0x7ff0000000000000,  // inf
      0x7ff8000000000000,  // NaN
  };
  std::vector<double> out;
  for (std::uint64_t m : magnitudes)
    for (std::uint64_t sign : {std::uint64_t(0), std::uint64_t(1) << 63}) {
      double d;
      const std::uint64_t bits = m | sign;
      std::memcpy(&d, &bits, sizeof d);
      out.push_back(d);
    }
  return out;
}

// The key coordinate of an argument: its bits in hexadecimal, in its own type's width.
std::string bits_of(double v) {
  std::uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  char s[24];
  std::snprintf(s, sizeof s, "0x%016" PRIx64, b);
  return s;
}
std::string bits_of(float v) {
  std::uint32_t b;
  std::memcpy(&b, &v, sizeof b);
  char s[16];
  std::snprintf(s, sizeof s, "0x%08" PRIx32, b);
  return s;
}
std::string bits_of(long double v) {
  // The value's bytes as one hexadecimal number, most significant first (x87: 80 bits; 16 bytes on
  // binary128). A key's point holds 16 hex digits, so wider ones are names: still in a fixed width.
  unsigned char bytes[sizeof v];
  std::memcpy(bytes, &v, sizeof v);
  const std::size_t used = LDBL_MANT_DIG == 64 ? 10 : sizeof v;
  std::string s = "0x";
  for (std::size_t i = used; i-- > 0;) {
    char h[3];
    std::snprintf(h, sizeof h, "%02x", bytes[i]);
    s += h;
  }
  return s;
}

std::string errno_text(int e) {
  if (e == 0) return "0";
  if (e == EDOM) return "EDOM";
  if (e == ERANGE) return "ERANGE";
  return std::to_string(e);
}

std::string flags_text(int f) {
  std::string s;
  if (f & FE_INVALID) s += 'I';
  if (f & FE_DIVBYZERO) s += 'Z';
  if (f & FE_OVERFLOW) s += 'O';
  if (f & FE_UNDERFLOW) s += 'U';
  if (f & FE_INEXACT) s += 'X';
  return s;  // "" for no flags
}

// Runs `call` with clear flags and errno and records its three families under `key_tail`.
template <typename Call>
void observe_call(SweepTable& table, const std::string& name, const std::string& key_tail, Call&& call) {
  std::feclearexcept(FE_ALL_EXCEPT);
  errno = 0;
  const std::string result = call();
  const int error = errno;
  const int flags = std::fetestexcept(FE_ALL_EXCEPT);
  table.set(name + " " + key_tail, result);
  table.set("errno " + name + " " + key_tail, errno_text(error));
  table.set("flags " + name + " " + key_tail, flags_text(flags));
}

template <typename T>
struct Unary {
  const char* name;
  T (*fn)(T);
};

#define LIBCDIFF_UNARY(T, f)          \
  Unary<T> {                          \
#f, static_cast < T (*)(T)>(&::f) \
  }

// The functions whose result is not of the argument type, as this libc's C functions (libc++'s
// overloads of the std:: names are inline wrappers the compiler may expand itself).
template <typename T>
struct Others {
  int (*ilogb)(T);
  long (*lrint)(T);
  long (*lround)(T);
  long long (*llrint)(T);
  long long (*llround)(T);
  T (*frexp)(T, int*);
  T (*modf)(T, T*);
};

// A pointer read back through a volatile: the compiler no longer knows which function it calls.
template <typename P>
P opaque(P p) {
  P volatile v = p;
  return v;
}

template <typename T>
Others<T> hidden(const Others<T>& o) {
  return {opaque(o.ilogb),   opaque(o.lrint), opaque(o.lround), opaque(o.llrint),
          opaque(o.llround), opaque(o.frexp), opaque(o.modf)};
}

template <typename T>
void sweep_unary(SweepTable& table, const std::vector<Unary<T>>& functions, const Others<T>& others,
                 const char* suffix) {
  // The grid in T, plus T's own boundaries (smallest subnormal and normal, largest finite, the
  // neighbours of 1), without the duplicates a narrower type makes (subnormal doubles are 0 in float).
  using L = std::numeric_limits<T>;
  std::vector<T> candidates;
  for (double d : grid()) candidates.push_back(static_cast<T>(d));
  for (T b : {L::denorm_min(), L::min(), L::max(), T(1) - L::epsilon() / 2, T(1) + L::epsilon()}) {
    candidates.push_back(b);
    candidates.push_back(-b);
  }
  std::vector<T> args;
  std::set<std::string> seen;
  for (T c : candidates)
    if (seen.insert(bits_of(c)).second) args.push_back(c);
  for (const Unary<T>& u : functions) {
    T (*volatile fn)(T) = u.fn;
    for (T x : args) observe_call(table, u.name, bits_of(x), [&] { return float_text(fn(x)); });
  }
  const std::string s = suffix;
  for (T x : args) {
    const std::string k = bits_of(x);
    const Others<T> o = hidden(others);
    observe_call(table, "ilogb" + s, k, [&] { return std::to_string(o.ilogb(x)); });
    observe_call(table, "lrint" + s, k, [&] { return std::to_string(o.lrint(x)); });
    observe_call(table, "lround" + s, k, [&] { return std::to_string(o.lround(x)); });
    observe_call(table, "llrint" + s, k, [&] { return std::to_string(o.llrint(x)); });
    observe_call(table, "llround" + s, k, [&] { return std::to_string(o.llround(x)); });
    observe_call(table, "frexp" + s, k, [&] {
      int e = -12345;
      const T m = o.frexp(x, &e);
      return float_text(m) + " exp " + std::to_string(e);
    });
    observe_call(table, "modf" + s, k, [&] {
      T i = T(-12345);
      const T f = o.modf(x, &i);
      return float_text(f) + " int " + float_text(i);
    });
  }
}

TEST(Math, SweepUnaryDouble) {
  const std::vector<Unary<double>> functions = {
      LIBCDIFF_UNARY(double, acos),  LIBCDIFF_UNARY(double, asin),   LIBCDIFF_UNARY(double, atan),
      LIBCDIFF_UNARY(double, cos),   LIBCDIFF_UNARY(double, sin),    LIBCDIFF_UNARY(double, tan),
      LIBCDIFF_UNARY(double, acosh), LIBCDIFF_UNARY(double, asinh),  LIBCDIFF_UNARY(double, atanh),
      LIBCDIFF_UNARY(double, cosh),  LIBCDIFF_UNARY(double, sinh),   LIBCDIFF_UNARY(double, tanh),
      LIBCDIFF_UNARY(double, exp),   LIBCDIFF_UNARY(double, exp2),   LIBCDIFF_UNARY(double, expm1),
      LIBCDIFF_UNARY(double, log),   LIBCDIFF_UNARY(double, log10),  LIBCDIFF_UNARY(double, log1p),
      LIBCDIFF_UNARY(double, log2),  LIBCDIFF_UNARY(double, logb),   LIBCDIFF_UNARY(double, cbrt),
      LIBCDIFF_UNARY(double, fabs),  LIBCDIFF_UNARY(double, sqrt),   LIBCDIFF_UNARY(double, erf),
      LIBCDIFF_UNARY(double, erfc),  LIBCDIFF_UNARY(double, lgamma), LIBCDIFF_UNARY(double, tgamma),
      LIBCDIFF_UNARY(double, ceil),  LIBCDIFF_UNARY(double, floor),  LIBCDIFF_UNARY(double, nearbyint),
      LIBCDIFF_UNARY(double, rint),  LIBCDIFF_UNARY(double, round),  LIBCDIFF_UNARY(double, trunc),
      LIBCDIFF_UNARY(double, j0),    LIBCDIFF_UNARY(double, j1),     LIBCDIFF_UNARY(double, y0),
      LIBCDIFF_UNARY(double, y1),
  };
  SweepTable table;
  const Others<double> others = {
      static_cast<int (*)(double)>(&::ilogb),           static_cast<long (*)(double)>(&::lrint),
      static_cast<long (*)(double)>(&::lround),         static_cast<long long (*)(double)>(&::llrint),
      static_cast<long long (*)(double)>(&::llround),   static_cast<double (*)(double, int*)>(&::frexp),
      static_cast<double (*)(double, double*)>(&::modf)};
  sweep_unary(table, functions, others, "");
  table.write();
}

TEST(Math, SweepUnaryFloat) {
  const std::vector<Unary<float>> functions = {
      LIBCDIFF_UNARY(float, acosf),  LIBCDIFF_UNARY(float, asinf),   LIBCDIFF_UNARY(float, atanf),
      LIBCDIFF_UNARY(float, cosf),   LIBCDIFF_UNARY(float, sinf),    LIBCDIFF_UNARY(float, tanf),
      LIBCDIFF_UNARY(float, acoshf), LIBCDIFF_UNARY(float, asinhf),  LIBCDIFF_UNARY(float, atanhf),
      LIBCDIFF_UNARY(float, coshf),  LIBCDIFF_UNARY(float, sinhf),   LIBCDIFF_UNARY(float, tanhf),
      LIBCDIFF_UNARY(float, expf),   LIBCDIFF_UNARY(float, exp2f),   LIBCDIFF_UNARY(float, expm1f),
      LIBCDIFF_UNARY(float, logf),   LIBCDIFF_UNARY(float, log10f),  LIBCDIFF_UNARY(float, log1pf),
      LIBCDIFF_UNARY(float, log2f),  LIBCDIFF_UNARY(float, logbf),   LIBCDIFF_UNARY(float, cbrtf),
      LIBCDIFF_UNARY(float, fabsf),  LIBCDIFF_UNARY(float, sqrtf),   LIBCDIFF_UNARY(float, erff),
      LIBCDIFF_UNARY(float, erfcf),  LIBCDIFF_UNARY(float, lgammaf), LIBCDIFF_UNARY(float, tgammaf),
      LIBCDIFF_UNARY(float, ceilf),  LIBCDIFF_UNARY(float, floorf),  LIBCDIFF_UNARY(float, nearbyintf),
      LIBCDIFF_UNARY(float, rintf),  LIBCDIFF_UNARY(float, roundf),  LIBCDIFF_UNARY(float, truncf),
  };
  SweepTable table;
  const Others<float> others = {&::ilogbf,   &::lrintf, &::lroundf, &::llrintf,
                                &::llroundf, &::frexpf, &::modff};
  sweep_unary(table, functions, others, "f");
  table.write();
}

TEST(Math, SweepUnaryLongDouble) {
  const std::vector<Unary<long double>> functions = {
      LIBCDIFF_UNARY(long double, acosl),   LIBCDIFF_UNARY(long double, asinl),
      LIBCDIFF_UNARY(long double, atanl),   LIBCDIFF_UNARY(long double, cosl),
      LIBCDIFF_UNARY(long double, sinl),    LIBCDIFF_UNARY(long double, tanl),
      LIBCDIFF_UNARY(long double, acoshl),  LIBCDIFF_UNARY(long double, asinhl),
      LIBCDIFF_UNARY(long double, atanhl),  LIBCDIFF_UNARY(long double, coshl),
      LIBCDIFF_UNARY(long double, sinhl),   LIBCDIFF_UNARY(long double, tanhl),
      LIBCDIFF_UNARY(long double, expl),    LIBCDIFF_UNARY(long double, exp2l),
      LIBCDIFF_UNARY(long double, expm1l),  LIBCDIFF_UNARY(long double, logl),
      LIBCDIFF_UNARY(long double, log10l),  LIBCDIFF_UNARY(long double, log1pl),
      LIBCDIFF_UNARY(long double, log2l),   LIBCDIFF_UNARY(long double, logbl),
      LIBCDIFF_UNARY(long double, cbrtl),   LIBCDIFF_UNARY(long double, fabsl),
      LIBCDIFF_UNARY(long double, sqrtl),   LIBCDIFF_UNARY(long double, erfl),
      LIBCDIFF_UNARY(long double, erfcl),   LIBCDIFF_UNARY(long double, lgammal),
      LIBCDIFF_UNARY(long double, tgammal), LIBCDIFF_UNARY(long double, ceill),
      LIBCDIFF_UNARY(long double, floorl),  LIBCDIFF_UNARY(long double, nearbyintl),
      LIBCDIFF_UNARY(long double, rintl),   LIBCDIFF_UNARY(long double, roundl),
      LIBCDIFF_UNARY(long double, truncl),
  };
  SweepTable table;
  const Others<long double> others = {&::ilogbl,   &::lrintl, &::lroundl, &::llrintl,
                                      &::llroundl, &::frexpl, &::modfl};
  sweep_unary(table, functions, others, "l");
  table.write();
}

struct Binary {
  const char* name;
  double (*fn)(double, double);
};

#define LIBCDIFF_BINARY(f)                              \
  Binary {                                              \
#f, static_cast < double (*)(double, double)>(&::f) \
  }

TEST(Math, SweepBinaryDouble) {
  const std::vector<Binary> functions = {
      LIBCDIFF_BINARY(atan2), LIBCDIFF_BINARY(pow),       LIBCDIFF_BINARY(fmod), LIBCDIFF_BINARY(remainder),
      LIBCDIFF_BINARY(hypot), LIBCDIFF_BINARY(copysign),  LIBCDIFF_BINARY(fmin), LIBCDIFF_BINARY(fmax),
      LIBCDIFF_BINARY(fdim),  LIBCDIFF_BINARY(nextafter),
  };
  const std::vector<double> args = grid();
  SweepTable table;
  for (const Binary& b : functions) {
    double (*volatile fn)(double, double) = b.fn;
    for (double x : args)
      for (double y : args)
        observe_call(table, b.name, bits_of(x) + " " + bits_of(y), [&] { return float_text(fn(x, y)); });
  }
  // Functions with an integer or a second result: the grid's doubles as x, selected ints as n.
  double (*volatile remquo_fn)(double, double, int*) = &::remquo;
  double (*volatile ldexp_fn)(double, int) = static_cast<double (*)(double, int)>(&::ldexp);
  double (*volatile scalbn_fn)(double, int) = static_cast<double (*)(double, int)>(&::scalbn);
  double (*volatile jn_fn)(int, double) = &::jn;
  double (*volatile yn_fn)(int, double) = &::yn;
  for (double x : args) {
    for (double y : args)
      observe_call(table, "remquo", bits_of(x) + " " + bits_of(y), [&] {
        int q = -12345;
        const double r = remquo_fn(x, y, &q);
        // C requires only the sign and the low 3 bits of the quotient.
        return float_text(r) + " quo " + (q < 0 ? "-" : "+") + std::to_string((q < 0 ? -q : q) & 7);
      });
    for (int n : {-2147483647 - 1, -1100, -1075, -1, 0, 1, 2, 1024, 2147483647}) {
      const std::string k = bits_of(x) + " " + std::to_string(n);
      observe_call(table, "ldexp", k, [&] { return float_text(ldexp_fn(x, n)); });
      observe_call(table, "scalbn", k, [&] { return float_text(scalbn_fn(x, n)); });
    }
    // jn and yn recur over n: small orders only.
    for (int n : {-3, -1, 0, 1, 2, 5, 30}) {
      observe_call(table, "jn", std::to_string(n) + " " + bits_of(x),
                   [&] { return float_text(jn_fn(n, x)); });
      observe_call(table, "yn", std::to_string(n) + " " + bits_of(x),
                   [&] { return float_text(yn_fn(n, x)); });
    }
  }
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
