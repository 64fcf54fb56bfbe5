#include "usertest/test_result.hpp"

#include <array>
#include <stdexcept>

namespace libcdiff::usertest {
namespace {

constexpr std::array<std::pair<TestOutcome, const char*>, 8> kNames = {{{TestOutcome::pass, "pass"},
                                                                        {TestOutcome::fail, "fail"},
                                                                        {TestOutcome::skip, "skip"},
                                                                        {TestOutcome::xfail, "xfail"},
                                                                        {TestOutcome::xpass, "xpass"},
                                                                        {TestOutcome::error, "error"},
                                                                        {TestOutcome::timeout, "timeout"},
                                                                        {TestOutcome::crash, "crash"}}};

}  // namespace

std::string to_string(TestOutcome outcome) {
  for (const auto& [o, name] : kNames)
    if (o == outcome) return name;
  return "error";
}

TestOutcome test_outcome_from_string(const std::string& name) {
  for (const auto& [o, n] : kNames)
    if (name == n) return o;
  throw std::invalid_argument("unknown test outcome '" + name + "'");
}

std::string capped_log(const std::string& text, std::size_t cap) {
  if (text.size() <= cap) return text;
  auto cut = text.rfind('\n', cap);
  if (cut == std::string::npos || cut < cap / 2) cut = cap;
  return text.substr(0, cut) + "\n[libcdiff: " + std::to_string(text.size() - cut) +
         " more bytes of output left out]\n";
}

}  // namespace libcdiff::usertest
