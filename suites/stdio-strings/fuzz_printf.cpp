// Differential fuzzing of snprintf formats (issue 12 item 4; common/fuzz_driver.hpp).
// Generated: literal text (k and w, which are no conversion letters, spaces, "%%", "é", "=[]") around
// one or two conversion specifications built from the flags - + space # 0 ', a width (none, 1-4
// digits), a precision (none, ".", ".0", up to .9999), a length modifier (hh h l ll j z t L) and a
// conversion
// (d i o u x X f F e E g G a A c s % m). The variant "vI-J" picks the arguments: the I-th (J-th) value,
// modulo the table's size, of the table for the first (second) conversion's argument type: integers
// (0, 1, -1, INT_MIN, INT_MAX, LLONG_MAX, ...) converted to the exact type the length modifier names,
// doubles and long doubles (-0.0, 0.1, 1e300, denormals, inf, nan, -nan, ...), strings ("", UTF-8),
// characters, wide characters and strings (%lc %ls), and for %m the errno value set before the call.
// evaluate() parses the format itself and calls snprintf only for a well-formed format with at most
// two argument-consuming conversions whose length modifier applies to the conversion: no %n, no '*',
// no type mismatch, widths and precisions of at most 4 digits, "%%" only bare. Anything else is
// observed as "invalid format" on both libcs, so every byte string the minimiser makes is defined.
// Flags and precisions that C leaves undefined for a conversion (# with d, 0 with s, a precision on
// %c) are generated, as in Stdio.SweepPrintfInteger: they concern only the spelling of an argument
// of the right type, programs use them and both libcs accept them.
// Observation: the return value, then the output (over 200 bytes: head, tail, length and a hash);
// when the bytes written are not the count returned, both; "-1 <errno>" when the call failed.
#include <gtest/gtest.h>

#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "common/fuzz_driver.hpp"
#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

const long long kIntegers[] = {0,         1,         -1,      42,      127,     128,
                               255,       -129,      65535,   INT_MIN, INT_MAX, UINT_MAX,
                               LLONG_MAX, LLONG_MIN, 1234567, -100000, 0x7fff,  -32768};
const long double kFloats[] = {0.0L,
                               -0.0L,
                               1.0L,
                               0.1L,
                               -1.5L,
                               2.5L,
                               0.5L,
                               1e300L,
                               DBL_MAX,
                               DBL_MIN,
                               4.9406564584124654e-324L,
                               1e-320L,
                               123456.789L,
                               1e-5L,
                               HUGE_VALL,
                               -HUGE_VALL,
                               NAN,
                               -NAN,
                               9.999999999e9L,
                               1e100L};
const char* const kStrings[] = {"", "abc", "h\xc3\xa9llo", "%d", "a longer string of text", " "};
const int kChars[] = {'A', 0, 0xE9, ' ', '%', -1};
const wint_t kWideChars[] = {L'A', 0, 0xE9, 0x20AC};
const wchar_t* const kWideStrings[] = {L"", L"abc", L"h\u00e9", L"\u20ac"};
const int kErrnos[] = {ENOENT, EINVAL, ERANGE, 0, 999};

template <typename T, std::size_t N>
const T& nth(const T (&table)[N], unsigned i) {
  return table[i % N];
}

// The exact types the length modifiers name, as std::variant alternatives (all distinct on x86_64).
using Arg = std::variant<int, unsigned, long, unsigned long, long long, unsigned long long, double,
                         long double, const char*, const wchar_t*>;
static_assert(std::is_same_v<wint_t, unsigned> && std::is_same_v<intmax_t, long> &&
              std::is_same_v<std::size_t, unsigned long> && std::is_same_v<std::ptrdiff_t, long>);

std::string shorten(const std::string& out) {
  if (out.size() <= 200) return out;
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : out) h = (h ^ c) * 1099511628211ULL;
  char tail[64];
  std::snprintf(tail, sizeof tail, " (%zu bytes, fnv1a64 %016llx)", out.size(),
                static_cast<unsigned long long>(h));
  return out.substr(0, 60) + "..." + out.substr(out.size() - 20) + tail;
}

std::string format_with(int set_errno, const char* format, ...) {
  static char buffer[65536];
  std::memset(buffer, 0xFF, sizeof buffer);
  va_list args;
  va_start(args, format);
  errno = set_errno;
  const int n = std::vsnprintf(buffer, sizeof buffer, format, args);
  const int error = errno;
  va_end(args);
  if (n < 0) return "-1 " + errno_name(error);
  if (static_cast<std::size_t>(n) >= sizeof buffer) return std::to_string(n) + " (too long)";
  const void* unwritten = std::memchr(buffer, 0xFF, static_cast<std::size_t>(n) + 1);
  if (unwritten == nullptr && buffer[n] == '\0')
    return std::to_string(n) + " " + shorten(std::string(buffer, n));
  std::size_t written =
      unwritten ? static_cast<std::size_t>(static_cast<const char*>(unwritten) - buffer) : 0;
  if (written > 0 && buffer[written - 1] == '\0') --written;
  return std::to_string(n) + " " + shorten(std::string(buffer, written)) + " (wrote " +
         std::to_string(written) + ")";
}

// The argument for a conversion with length modifier `length` and the `index`-th table value; false
// when the modifier does not apply to the conversion. (An out-parameter: returning a variant with a
// long double by value draws GCC's psABI note on x86_64.)
bool argument(char conversion, const std::string& length, unsigned index, Arg& out) {
  const long long v = nth(kIntegers, index);
  const auto u = static_cast<unsigned long long>(v);
  switch (conversion) {
    case 'd':
    case 'i':
      if (length.empty() || length == "hh" || length == "h") return out = Arg(static_cast<int>(v)), true;
      if (length == "l" || length == "j" || length == "z" || length == "t")
        return out = Arg(static_cast<long>(v)), true;
      if (length == "ll") return out = Arg(v), true;
      return false;
    case 'o':
    case 'u':
    case 'x':
    case 'X':
      if (length.empty() || length == "hh" || length == "h") return out = Arg(static_cast<unsigned>(u)), true;
      if (length == "l" || length == "j" || length == "z" || length == "t")
        return out = Arg(static_cast<unsigned long>(u)), true;
      if (length == "ll") return out = Arg(u), true;
      return false;
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
    case 'a':
    case 'A':
      if (length.empty() || length == "l") return out = Arg(static_cast<double>(nth(kFloats, index))), true;
      if (length == "L")
        return out = Arg(nth(kFloats, index) == DBL_MAX ? LDBL_MAX : nth(kFloats, index)), true;
      return false;
    case 'c':
      if (length.empty()) return out = Arg(nth(kChars, index)), true;
      if (length == "l") return out = Arg(static_cast<unsigned>(nth(kWideChars, index))), true;
      return false;
    case 's':
      if (length.empty()) return out = Arg(nth(kStrings, index)), true;
      if (length == "l") return out = Arg(nth(kWideStrings, index)), true;
      return false;
    default:
      return false;
  }
}

// Parses the format; nullopt: not one this case calls snprintf with.
struct Parsed {
  std::vector<Arg> args;
  int errno_value = 0;
};
std::optional<Parsed> parse(const std::string& format, unsigned first, unsigned second) {
  Parsed parsed;
  bool have_m = false;
  const char* p = format.c_str();
  while (*p) {
    if (*p++ != '%') continue;
    if (*p == '%') {
      ++p;
      continue;
    }
    while (*p && std::strchr("-+ #0'", *p)) ++p;
    for (int digits = 0; *p >= '0' && *p <= '9'; ++p)
      if (++digits > 4) return std::nullopt;
    if (*p == '.') {
      ++p;
      for (int digits = 0; *p >= '0' && *p <= '9'; ++p)
        if (++digits > 4) return std::nullopt;
    }
    std::string length;
    while (*p && std::strchr("hljztL", *p) && length.size() < 2) length += *p++;
    if (length.size() == 2 && length != "hh" && length != "ll") return std::nullopt;
    const char conversion = *p;
    if (conversion == '\0') return std::nullopt;
    ++p;
    if (conversion == 'm') {
      if (!length.empty()) return std::nullopt;
      if (!have_m) parsed.errno_value = nth(kErrnos, parsed.args.empty() ? first : second);
      have_m = true;
      continue;
    }
    if (parsed.args.size() == 2) return std::nullopt;
    Arg arg;
    if (!argument(conversion, length, parsed.args.empty() ? first : second, arg)) return std::nullopt;
    parsed.args.push_back(arg);
  }
  return parsed;
}

std::string evaluate_printf(const std::string& variant, const std::string& text) {
  unsigned first = 0, second = 0;
  if (std::sscanf(variant.c_str(), "v%u-%u", &first, &second) != 2) return "bad variant";
  const auto parsed = parse(text, first, second);
  if (!parsed) return "invalid format";
  const char* f = text.c_str();
  const int e = parsed->errno_value;
  if (parsed->args.empty()) return format_with(e, f);
  if (parsed->args.size() == 1)
    return std::visit([&](auto a) { return format_with(e, f, a); }, parsed->args[0]);
  return std::visit([&](auto a, auto b) { return format_with(e, f, a, b); }, parsed->args[0],
                    parsed->args[1]);
}

std::string conversion_spec(FuzzRng& rng) {
  static const std::vector<std::string> lengths = {"", "", "", "", "hh", "h", "l", "ll", "j", "z", "t", "L"};
  static const std::string conversions = "diouxXfFeEgGaAcs%m";
  std::string spec = "%";
  while (rng.chance(40)) spec += "-+ #0'"[rng.below(6)];
  if (rng.chance(40)) spec += std::to_string(1 + rng.below(rng.chance(80) ? 20 : 9999));
  if (rng.chance(45)) {
    spec += ".";
    const unsigned kind = static_cast<unsigned>(rng.below(4));
    if (kind == 1) spec += "0";
    if (kind == 2) spec += std::to_string(rng.below(20));
    if (kind == 3) spec += std::to_string(rng.below(10000));
  }
  const char conversion = conversions[rng.below(conversions.size())];
  if (conversion == 'c' || conversion == 's')
    spec += rng.chance(40) ? "l" : "";
  else if (std::strchr("fFeEgGaA", conversion))
    spec += rng.chance(40) ? (rng.chance(70) ? "L" : "l") : "";
  else if (conversion != '%' && conversion != 'm')
    spec += rng.pick(lengths);
  else if (rng.chance(10))
    spec += rng.pick(lengths);  // some invalid modifiers too
  return spec + conversion;
}

FuzzInput generate_printf(FuzzRng& rng) {
  static const std::vector<std::string> literal = {"k", "w", " ", "%%", "=", "\xc3\xa9", "[", "]"};
  // One draw per statement: C++ leaves the order of the operands of + unspecified, and gcc and clang
  // evaluate them in opposite orders (the glibc-gcc negative control showed every input differing).
  std::string format = fuzz_token_string(rng, literal, 0, 2);
  format += conversion_spec(rng);
  if (rng.chance(50)) {
    format += fuzz_token_string(rng, literal, 0, 2);
    format += conversion_spec(rng);
  }
  format += fuzz_token_string(rng, literal, 0, 1);
  const auto first = rng.below(20);
  const auto second = rng.below(20);
  return {"v" + std::to_string(first) + "-" + std::to_string(second), format};
}

TEST(Stdio, FuzzPrintf) {
  run_fuzz_sweep(
      {.family = "printf", .default_count = 60000, .generate = generate_printf, .evaluate = evaluate_printf});
}

}  // namespace
}  // namespace libcdiff::suite
