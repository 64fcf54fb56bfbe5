// Sweeps: the message text of every errno value and every signal number.
//   strerror: 0..4095, the whole range a Linux system call can return as -errno (the kernel's
//             MAX_ERRNO, include/linux/err.h), and -1..-64 below it;
//   strsignal: -1..128: every signal number 1.._NSIG-1 (both libcs have _NSIG 65 on Linux), 0, and
//             the numbers past it that programs pass when they decode a wait status by hand.
// The number itself in a text ("Unknown error 300") is recorded as "#", so that a run of numbers
// whose texts differ only by the number is one range.
#include <gtest/gtest.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>

#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

// The text with every standalone decimal spelling of `number` (not part of a longer digit run)
// replaced by "#".
std::string relative_to(std::string text, long number) {
  const std::string digits = std::to_string(number);
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const bool starts = text.compare(i, digits.size(), digits) == 0;
    const bool digit_before =
        i > 0 && (std::isdigit(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '-');
    const std::size_t end = i + digits.size();
    const bool digit_after = end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]));
    if (starts && !digit_before && !digit_after) {
      out += '#';
      i = end;
    } else {
      out += text[i++];
    }
  }
  return out;
}

TEST(Stdio, SweepStrerror) {
  SweepTable table;
  for (int e = -64; e <= 4095; ++e) {
    errno = 0;
    const char* text = std::strerror(e);
    const int error = errno;
    std::string value = text == nullptr ? std::string("NULL") : relative_to(text, e);
    if (error != 0) value += " (errno " + std::to_string(error) + ")";
    table.set("strerror " + std::to_string(e), value);
  }
  table.write();
}

TEST(Stdio, SweepStrsignal) {
  SweepTable table;
  for (int s = -1; s <= 128; ++s) {
    const char* text = strsignal(s);
    table.set("strsignal " + std::to_string(s), text == nullptr ? std::string("NULL") : relative_to(text, s));
  }
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
