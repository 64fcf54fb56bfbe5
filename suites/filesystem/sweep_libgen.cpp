// Sweep: the POSIX <libgen.h> basename and dirname (XSH basename, dirname) over every path of length
// 0-5 over the alphabet  a / .  (364 paths), and NULL. This file includes <libgen.h>, which on glibc
// selects the POSIX basename (__xpg_basename) instead of the GNU one from <string.h>. The value is
// the result, then the argument as the call left it when it changed (POSIX allows both functions to
// modify their argument).
#include <gtest/gtest.h>
#include <libgen.h>

#include <string>
#include <vector>

#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

// "\"text\"" built by appending (GCC 12 warns falsely, -Wrestrict, on "literal" + std::string&&).
std::string quoted(const char* text) {
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

std::string call(char* (*fn)(char*), const std::string& path) {
  std::vector<char> buffer(path.begin(), path.end());
  buffer.push_back('\0');
  const char* result = fn(buffer.data());
  std::string value = result == nullptr ? std::string("NULL") : quoted(result);
  const std::string after(buffer.data());
  if (after != path) value += " (argument now \"" + after + "\")";
  return value;
}

TEST(Filesystem, SweepLibgen) {
  std::vector<std::string> paths = {""};
  std::vector<std::string> level = {""};
  for (int n = 1; n <= 5; ++n) {
    std::vector<std::string> next;
    for (const std::string& prefix : level)
      for (char c : {'a', '/', '.'}) next.push_back(prefix + c);
    paths.insert(paths.end(), next.begin(), next.end());
    level = next;
  }
  SweepTable table;
  char* (*volatile base)(char*) = ::basename;
  char* (*volatile dir)(char*) = ::dirname;
  for (const std::string& p : paths) {
    const std::string key = p.empty() ? "(empty)" : p;
    table.set("basename " + key, call(base, p));
    table.set("dirname " + key, call(dir, p));
  }
  table.set("basename-null NULL", base(nullptr) ? quoted(base(nullptr)) : std::string("NULL"));
  table.set("dirname-null NULL", dir(nullptr) ? quoted(dir(nullptr)) : std::string("NULL"));
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
