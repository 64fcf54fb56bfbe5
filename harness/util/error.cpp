#include "util/error.hpp"

#include <cctype>

#include "util/utf8.hpp"

namespace libcdiff {
namespace {

std::string sentence(std::string text) {
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') text += '.';
  return text;
}

}  // namespace

Fatal::Fatal(ExitCode code, std::string input, std::string problem, std::string remedy)
    : std::runtime_error(problem),
      code_(code),
      input_(std::move(input)),
      problem_(std::move(problem)),
      remedy_(std::move(remedy)) {}

std::string Fatal::line() const {
  // Inputs come from the user or from files: a 100 KB argument must not fill the terminal, and
  // arbitrary bytes must not reach it unescaped.
  std::string out = "libcdiff: error: " + util::bounded_text(util::valid_utf8(input_), 200) + ": " +
                    sentence(util::bounded_text(util::valid_utf8(problem_), 1000));
  if (!remedy_.empty()) {
    std::string remedy = sentence(remedy_);
    remedy[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(remedy[0])));
    out += " " + remedy;
  }
  return out;
}

Fatal usage_error(std::string input, std::string problem, std::string remedy) {
  return Fatal(ExitCode::usage, std::move(input), std::move(problem), std::move(remedy));
}

Fatal input_error(std::string input, std::string problem, std::string remedy) {
  return Fatal(ExitCode::usage, std::move(input), std::move(problem), std::move(remedy));
}

Fatal environment_error(std::string input, std::string problem, std::string remedy) {
  return Fatal(ExitCode::environment, std::move(input), std::move(problem), std::move(remedy));
}

}  // namespace libcdiff
