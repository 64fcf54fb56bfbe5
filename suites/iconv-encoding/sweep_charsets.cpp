// Sweep: every charset name either libc accepts, both directions.
// Domain: the union of glibc's `iconv -l` list and every alias in musl's charmaps table
// (src/locale/iconv.c), generated into sweep_charset_names.inc by scripts/sweeps/iconv_charset_names.py
// (the file header says which versions). For each name N:
//   "open from-UTF-8 N" / "open to-UTF-8 N"      iconv_open(N, "UTF-8") / iconv_open("UTF-8", N): "ok" or
//                                                "iconv_open failed ERRNO" (as the conversions below record
//                                                it)
//   "convert ascii-from-UTF-8 N"                 U+0020..U+007E converted UTF-8 -> N
//   "convert latin1-from-UTF-8 N"                U+00A0..U+00FF converted UTF-8 -> N
//   "convert bytes20-7E-to-UTF-8 N"              the bytes 0x20..0x7E converted N -> UTF-8
//   "convert bytes80-FF-to-UTF-8 N"              the bytes 0x80..0xFF converted N -> UTF-8
// A conversion is one iconv() call over the whole probe plus the final flush (iconv(cd, NULL, ...)),
// recorded as "r=<return value> <output>", or "-1 ERRNO at <input offset> <output so far>", where the
// output is its bytes in hex, or "=input" / "=latin1-bytes" / "=latin1-utf8" when it is that well-known
// string (the input itself; bytes A0..FF; the UTF-8 form of U+0080..U+00FF).
#include <gtest/gtest.h>
#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <string>
#include <vector>

#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

constexpr const char* kNames[] = {
#include "sweep_charset_names.inc"
};

std::string hex(const std::string& bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    char buffer[3];
    std::snprintf(buffer, sizeof buffer, "%02x", b);
    out += buffer;
  }
  return out.empty() ? "(empty)" : out;
}

std::string open_result(const char* to, const char* from) {
  errno = 0;
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return "iconv_open failed " + errno_name(errno);
  iconv_close(cd);
  return "ok";
}

// The output in hex, or "=" + the name of a well-known byte string it equals (the input itself, the
// Latin-1 or UTF-8 form of the probe), so that charsets that agree with one collapse into ranges.
struct KnownOutput {
  const char* name;
  std::string bytes;
};

std::string describe(const std::string& input, const std::string& output,
                     const std::vector<KnownOutput>& known) {
  if (output == input && !input.empty()) return "=input";
  for (const KnownOutput& k : known)
    if (output == k.bytes) {
      std::string out = "=";  // not "=" + std::string: g++ 12 -Wrestrict false positive
      out += k.name;
      return out;
    }
  return hex(output);
}

std::string convert(const char* to, const char* from, const std::string& input,
                    const std::vector<KnownOutput>& known = {}) {
  errno = 0;
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return "iconv_open failed " + errno_name(errno);
  std::string in = input;
  std::string out(input.size() * 8 + 64, '\0');
  char* in_ptr = in.data();
  size_t in_left = in.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  errno = 0;
  const size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  const int error = errno;
  std::string result;
  if (r == static_cast<size_t>(-1)) {
    out.resize(out.size() - out_left);
    result = "-1 " + errno_name(error) + " at " + std::to_string(in.size() - in_left) + " " +
             describe(input, out, known);
  } else {
    errno = 0;
    const size_t f = iconv(cd, nullptr, nullptr, &out_ptr, &out_left);
    out.resize(out.size() - out_left);
    result = "r=" + std::to_string(r) + " " + describe(input, out, known);
    if (f == static_cast<size_t>(-1)) result += " flush -1 " + errno_name(errno);
  }
  iconv_close(cd);
  return result;
}

std::string utf8_range(unsigned low, unsigned high) {
  std::string out;
  for (unsigned c = low; c <= high; ++c) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string byte_range(unsigned low, unsigned high) {
  std::string out;
  for (unsigned b = low; b <= high; ++b) out += static_cast<char>(b);
  return out;
}

TEST(Iconv, SweepCharsets) {
  const std::string ascii = utf8_range(0x20, 0x7E);
  const std::string latin1 = utf8_range(0xA0, 0xFF);
  const std::string low_bytes = byte_range(0x20, 0x7E);
  const std::string high_bytes = byte_range(0x80, 0xFF);
  const std::vector<KnownOutput> latin1_bytes = {{"latin1-bytes", byte_range(0xA0, 0xFF)}};
  const std::vector<KnownOutput> latin1_utf8 = {{"latin1-utf8", utf8_range(0x80, 0xFF)}};
  SweepTable table;
  for (const char* name : kNames) {
    const std::string n(name);
    table.set("open from-UTF-8 " + n, open_result(name, "UTF-8"));
    table.set("open to-UTF-8 " + n, open_result("UTF-8", name));
    table.set("convert ascii-from-UTF-8 " + n, convert(name, "UTF-8", ascii));
    table.set("convert latin1-from-UTF-8 " + n, convert(name, "UTF-8", latin1, latin1_bytes));
    table.set("convert bytes20-7E-to-UTF-8 " + n, convert("UTF-8", name, low_bytes));
    table.set("convert bytes80-FF-to-UTF-8 " + n, convert("UTF-8", name, high_bytes, latin1_utf8));
  }
  EXPECT_EQ(convert("UTF-8", "UTF-8", "abc"), "r=0 =input");
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
