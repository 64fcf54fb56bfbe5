// Multibyte conversion, iconv and wide-character case mapping in C.UTF-8.
#include <benchmark/benchmark.h>

#include <iconv.h>
#include "common/count_mode.hpp"

#include <clocale>
#include <cstdlib>
#include <cwctype>
#include <string>

namespace {

const std::string kText = [] {
  std::string s;
  for (int i = 0; i < 64; ++i) s += "h\xc3\xa9llo w\xc3\xb6rld \xe2\x82\xac ";
  return s;
}();

void BM_mbstowcs_utf8(benchmark::State& state) {
  std::setlocale(LC_CTYPE, "C.UTF-8");
  std::wstring out(kText.size() + 1, L'\0');
  for (auto _ : state) benchmark::DoNotOptimize(std::mbstowcs(out.data(), kText.c_str(), out.size()));
  std::setlocale(LC_CTYPE, "C");
}
LIBCDIFF_BENCHMARK(BM_mbstowcs_utf8);

void BM_iconv_utf8_to_utf16(benchmark::State& state) {
  iconv_t cd = iconv_open("UTF-16LE", "UTF-8");
  std::string out(kText.size() * 2 + 16, '\0');
  for (auto _ : state) {
    char* in = const_cast<char*>(kText.data());
    size_t in_left = kText.size();
    char* o = out.data();
    size_t out_left = out.size();
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    benchmark::DoNotOptimize(iconv(cd, &in, &in_left, &o, &out_left));
  }
  iconv_close(cd);
}
LIBCDIFF_BENCHMARK(BM_iconv_utf8_to_utf16);

void BM_towupper(benchmark::State& state) {
  std::setlocale(LC_CTYPE, "C.UTF-8");
  for (auto _ : state) {
    wint_t sum = 0;
    for (wint_t c = 0x20; c < 0x600; ++c) sum += std::towupper(c);
    benchmark::DoNotOptimize(sum);
  }
  std::setlocale(LC_CTYPE, "C");
}
LIBCDIFF_BENCHMARK(BM_towupper);

}  // namespace
