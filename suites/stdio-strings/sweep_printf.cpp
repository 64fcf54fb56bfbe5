// Sweeps: the printf format language (C17 7.21.6.1) as a cross product.
//   SweepPrintfInteger: conversions d i u o x X with every length modifier C defines for them
//     (none hh h l ll j z t), c and s with none and l; SweepPrintfFloat: e E f F g G a A with none
//     and L. Each with every subset of the six flags - + space # 0 ' (C and POSIX), the widths none,
//     1, 5 and * given -5 (a negative * width is the - flag and 5), the precisions none, .0, .1, .5 and
//     .* given -1 (a negative * precision is "no precision").
//   Values: the extremes of the argument type the length modifier selects (0, 1, -1, min, max); for
//     floating point 0, -0, 1, -1.5, 0.1, 123456.789, max, min normal, min subnormal, inf, -inf, nan,
//     -nan of double or long double; characters NUL, 'A', 0xE9 and U+20AC; short strings.
// Flags that C leaves undefined for a conversion (# with d, 0 with s) are included: programs use
// them, and both libcs accept them. In keys the space flag is written U+2420 (␠) because a key's
// last space separates its family; the value is the output, or "-1 <errno>" when the call failed.
// Outputs over 200 bytes (%f of DBL_MAX) are shortened to head, tail, length and a hash; %Lf and %LF
// of LDBL_MAX (4933 digits, milliseconds per call) only with each flag subset, no width or precision.
#include <gtest/gtest.h>

#include <cerrno>
#include <cfloat>
#include <climits>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <cwchar>
#include <limits>
#include <string>
#include <vector>

#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

const char* const kFlags = "-+ #0'";

struct Width {
  const char* text;  // in the format
  bool star;
  int argument;
};
const Width kWidths[] = {{"", false, 0}, {"1", false, 0}, {"5", false, 0}, {"*", true, -5}};
const Width kPrecisions[] = {
    {"", false, 0}, {".0", false, 0}, {".1", false, 0}, {".5", false, 0}, {".*", true, -1}};

std::uint64_t fnv1a64(const std::string& s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

std::string shorten(std::string out) {
  if (out.size() <= 200) return out;
  char tail[64];
  std::snprintf(tail, sizeof tail, " (%zu bytes, fnv1a64 %016llx)", out.size(),
                static_cast<unsigned long long>(fnv1a64(out)));
  return out.substr(0, 60) + "..." + out.substr(out.size() - 20) + tail;
}

// Calls vsnprintf with a buffer large enough for the whole output. The buffer is filled with 0xFF
// first (never part of an output here: the outputs are ASCII or UTF-8), so what the call wrote is
// known exactly: when it is not the count it returned, the value says both ("A (returned 5)").
std::string vformat(const char* format, va_list args) {
  char buffer[512];
  std::memset(buffer, 0xFF, sizeof buffer);
  va_list copy;
  va_copy(copy, args);
  errno = 0;
  const int n = std::vsnprintf(buffer, sizeof buffer, format, args);
  if (n < 0) {
    const int error = errno;
    va_end(copy);
    return "-1 " + errno_name(error);
  }
  std::vector<char> big;
  char* out = buffer;
  std::size_t size = sizeof buffer;
  if (static_cast<std::size_t>(n) >= sizeof buffer) {
    big.assign(static_cast<std::size_t>(n) + 1, static_cast<char>(0xFF));
    std::vsnprintf(big.data(), big.size(), format, copy);
    out = big.data();
    size = big.size();
  }
  va_end(copy);
  const std::size_t returned = static_cast<std::size_t>(n);
  const void* unwritten = std::memchr(out, 0xFF, returned + 1);
  if (unwritten == nullptr && out[returned] == '\0') return shorten(std::string(out, returned));
  // Fewer bytes than returned: they end before the first untouched byte, with the terminating NUL.
  std::size_t written =
      unwritten ? static_cast<std::size_t>(static_cast<const char*>(unwritten) - out) : size;
  if (written > 0 && out[written - 1] == '\0') --written;
  return shorten(std::string(out, written)) + " (returned " + std::to_string(n) + ")";
}

std::string format_with(const char* format, ...) {
  va_list args;
  va_start(args, format);
  std::string out = vformat(format, args);
  va_end(args);
  return out;
}

// One argument of type T after the star arguments the format asks for.
template <typename T>
std::string call(const std::string& format, const Width& w, const Width& p, T value) {
  const char* f = format.c_str();
  if (w.star && p.star) return format_with(f, w.argument, p.argument, value);
  if (w.star) return format_with(f, w.argument, value);
  if (p.star) return format_with(f, p.argument, value);
  return format_with(f, value);
}

// Every flags x width x precision spelling of "%<flags><width><precision><length><conversion>",
// handed to `emit(format, key_format, width, precision)`.
template <typename Emit>
void for_each_spec(const std::string& length_and_conversion, bool flags_only, Emit&& emit) {
  for (unsigned mask = 0; mask < 64; ++mask) {
    std::string flags, key_flags;
    for (unsigned bit = 0; bit < 6; ++bit)
      if (mask & (1u << bit)) {
        flags += kFlags[bit];
        key_flags += kFlags[bit] == ' ' ? "\u2420" : std::string(1, kFlags[bit]);
      }
    for (const Width& w : kWidths)
      for (const Width& p : kPrecisions) {
        if (flags_only && (&w != kWidths || &p != kPrecisions)) continue;
        const std::string tail = std::string(w.text) + p.text + length_and_conversion;
        emit("%" + flags + tail, "%" + key_flags + tail, w, p);
      }
  }
}

template <typename T>
void sweep_values(SweepTable& table, const std::string& length, char conversion,
                  const std::vector<std::pair<std::string, T>>& values) {
  const std::string spec = length + conversion;
  for (const auto& [name, value] : values) {
    const std::string family = "printf " + spec + " " + name + " ";
    // %Lf of LDBL_MAX is 4933 digits and takes milliseconds: only its flag subsets.
    const bool flags_only = (conversion == 'f' || conversion == 'F') && name == "LDBL_MAX";
    for_each_spec(spec, flags_only,
                  [&](const std::string& format, const std::string& key_format, const Width& w,
                      const Width& p) { table.set(family + key_format, call(format, w, p, value)); });
  }
}

// The extremes of a signed type S, passed as A (its promoted argument type).
template <typename S, typename A = S>
std::vector<std::pair<std::string, A>> signed_values(const std::string& type) {
  return {{"0", A(0)},
          {"1", A(1)},
          {"-1", A(-1)},
          {type + "_MIN", A(std::numeric_limits<S>::min())},
          {type + "_MAX", A(std::numeric_limits<S>::max())}};
}

// The same bits for the unsigned conversions, as the unsigned type U.
template <typename S, typename U, typename A = U>
std::vector<std::pair<std::string, A>> unsigned_values(const std::string& type) {
  std::vector<std::pair<std::string, A>> out;
  for (const auto& [name, v] : signed_values<S, long long>(type)) out.push_back({name, A(U(S(v)))});
  return out;
}

TEST(Stdio, SweepPrintfInteger) {
  SweepTable table;
  table.reserve(320000);
  for (char c : {'d', 'i'}) {
    sweep_values(table, "", c, signed_values<int>("INT"));
    sweep_values(table, "hh", c, signed_values<signed char, int>("SCHAR"));
    sweep_values(table, "h", c, signed_values<short, int>("SHRT"));
    sweep_values(table, "l", c, signed_values<long>("LONG"));
    sweep_values(table, "ll", c, signed_values<long long>("LLONG"));
    sweep_values(table, "j", c, signed_values<std::intmax_t>("INTMAX"));
    sweep_values(table, "z", c, signed_values<std::ptrdiff_t>("SSIZE"));
    sweep_values(table, "t", c, signed_values<std::ptrdiff_t>("PTRDIFF"));
  }
  for (char c : {'u', 'o', 'x', 'X'}) {
    sweep_values(table, "", c, unsigned_values<int, unsigned>("INT"));
    sweep_values(table, "hh", c, unsigned_values<signed char, unsigned char, unsigned>("SCHAR"));
    sweep_values(table, "h", c, unsigned_values<short, unsigned short, unsigned>("SHRT"));
    sweep_values(table, "l", c, unsigned_values<long, unsigned long>("LONG"));
    sweep_values(table, "ll", c, unsigned_values<long long, unsigned long long>("LLONG"));
    sweep_values(table, "j", c, unsigned_values<std::intmax_t, std::uintmax_t>("INTMAX"));
    sweep_values(table, "z", c, unsigned_values<std::ptrdiff_t, std::size_t>("SSIZE"));
    sweep_values(table, "t", c, unsigned_values<std::ptrdiff_t, std::size_t>("PTRDIFF"));
  }
  sweep_values<int>(table, "", 'c', {{"NUL", 0}, {"A", 'A'}, {"0xE9", 0xE9}});
  sweep_values<wint_t>(table, "l", 'c', {{"NUL", 0}, {"A", L'A'}, {"U+00E9", 0xE9}, {"U+20AC", 0x20AC}});
  sweep_values<const char*>(table, "", 's',
                            {{"empty", ""}, {"abc", "abc"}, {"UTF-8-e-acute", "\xc3\xa9t\xc3\xa9"}});
  sweep_values<const wchar_t*>(table, "l", 's',
                               {{"empty", L""}, {"abc", L"abc"}, {"U+00E9", L"\u00e9t\u00e9"}});
  table.write();
}

template <typename T>
std::vector<std::pair<std::string, T>> floating_values(const std::string& type) {
  using L = std::numeric_limits<T>;
  return {{"0", T(0)},
          {"-0", -T(0)},
          {"1", T(1)},
          {"-1.5", T(-1.5)},
          {"0.1", T(0.1L)},
          {"123456.789", T(123456.789L)},
          {type + "_MAX", L::max()},
          {type + "_MIN", L::min()},
          {type + "_TRUE_MIN", L::denorm_min()},
          {"inf", L::infinity()},
          {"-inf", -L::infinity()},
          {"nan", L::quiet_NaN()},
          {"-nan", -L::quiet_NaN()}};
}

TEST(Stdio, SweepPrintfFloat) {
  SweepTable table;
  table.reserve(260000);
  for (char c : {'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A'}) {
    sweep_values(table, "", c, floating_values<double>("DBL"));
    sweep_values(table, "L", c, floating_values<long double>("LDBL"));
  }
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
