// Exact text for a floating-point value, computed from its bits rather than by printf: the sweeps that
// compare libm and strtod results must not depend on how the libc's own printf spells %a (glibc
// prints x87 long doubles as 0x8p-3 and subnormals as 0x0.0000000000001p-1022, musl 0x1p+0 and
// 0x1p-1074). Form: "0x1.8p+1", "-0x1p-1074", "0x0p+0", "-0x0p+0", "inf", "-inf", and NaNs with their
// sign and payload, "nan(0x8000000000000)" / "-nan(0x8000000000000)" (the fraction field in hex).
#pragma once

#include <cfloat>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

namespace libcdiff::suite {

namespace float_text_detail {

// sign * mantissa * 2^exponent, mantissa != 0, as 0x1.<hex>p<exp>.
inline std::string normalised(bool negative, std::uint64_t mantissa, int exponent) {
  int top = 63;
  while (!(mantissa >> top & 1)) --top;
  std::uint64_t fraction = top == 0 ? 0 : mantissa & ((std::uint64_t(1) << top) - 1);
  const int pad = (4 - top % 4) % 4;
  const int digits = (top + pad) / 4;
  fraction <<= pad;
  std::string hex;
  for (int d = digits - 1; d >= 0; --d) hex += "0123456789abcdef"[fraction >> (4 * d) & 0xf];
  while (!hex.empty() && hex.back() == '0') hex.pop_back();
  const int e = exponent + top;
  return std::string(negative ? "-" : "") + "0x1" + (hex.empty() ? "" : "." + hex) + "p" +
         (e < 0 ? "-" : "+") + std::to_string(e < 0 ? -e : e);
}

inline std::string special(bool negative, bool nan, std::uint64_t payload) {
  char b[40];
  if (!nan) return negative ? "-inf" : "inf";
  std::snprintf(b, sizeof b, "%snan(0x%llx)", negative ? "-" : "", static_cast<unsigned long long>(payload));
  return b;
}

// An IEEE binary format with an implicit integer bit: `fraction_bits` of fraction, the rest exponent.
inline std::string ieee(std::uint64_t bits, int fraction_bits, int exponent_bits) {
  const bool negative = bits >> (fraction_bits + exponent_bits) & 1;
  const std::uint64_t fraction = bits & ((std::uint64_t(1) << fraction_bits) - 1);
  const int max_exponent = (1 << exponent_bits) - 1;
  const int biased = static_cast<int>(bits >> fraction_bits & static_cast<std::uint64_t>(max_exponent));
  const int bias = max_exponent / 2;
  if (biased == max_exponent) return special(negative, fraction != 0, fraction);
  if (biased == 0 && fraction == 0) return negative ? "-0x0p+0" : "0x0p+0";
  if (biased == 0) return normalised(negative, fraction, 1 - bias - fraction_bits);
  return normalised(negative, fraction | std::uint64_t(1) << fraction_bits, biased - bias - fraction_bits);
}

}  // namespace float_text_detail

inline std::string float_text(double v) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return float_text_detail::ieee(bits, 52, 11);
}

inline std::string float_text(float v) {
  std::uint32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return float_text_detail::ieee(bits, 23, 8);
}

inline std::string float_text(long double v) {
#if LDBL_MANT_DIG == 53
  return float_text(static_cast<double>(v));
#elif LDBL_MANT_DIG == 64
  // x87 extended: 64-bit significand with an explicit integer bit, then sign and 15-bit exponent.
  unsigned char bytes[sizeof v];
  std::memcpy(bytes, &v, sizeof v);
  std::uint64_t mantissa;
  std::uint16_t sign_exponent;
  std::memcpy(&mantissa, bytes, 8);
  std::memcpy(&sign_exponent, bytes + 8, 2);
  const bool negative = sign_exponent >> 15;
  const int biased = sign_exponent & 0x7fff;
  if (biased == 0x7fff) return float_text_detail::special(negative, (mantissa << 1) != 0, mantissa << 1 >> 1);
  if (mantissa == 0) return negative ? "-0x0p+0" : "0x0p+0";
  return float_text_detail::normalised(negative, mantissa, (biased == 0 ? 1 : biased) - 16383 - 63);
#else
  // binary128: not needed on the machines the suites run on today; printf's spelling is the fallback.
  char b[80];
  std::snprintf(b, sizeof b, "%La", v);
  return b;
#endif
}

}  // namespace libcdiff::suite
