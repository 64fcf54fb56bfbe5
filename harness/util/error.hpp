// One error type for everything the user must act on. Every message follows
//   libcdiff: error: <input>: <what was wrong>. <what to do>
// and carries the process exit code of DESIGN §1.
#pragma once

#include <stdexcept>
#include <string>

namespace libcdiff {

enum class ExitCode : int {
  ok = 0,
  unexpected_difference = 1,
  usage = 2,        // bad arguments or unreadable/invalid input
  environment = 3,  // a required piece of the environment is missing
};

class Fatal : public std::runtime_error {
 public:
  Fatal(ExitCode code, std::string input, std::string problem, std::string remedy);

  ExitCode code() const { return code_; }
  const std::string& input() const { return input_; }
  // "libcdiff: error: <input>: <problem>. <remedy>"
  std::string line() const;

 private:
  ExitCode code_;
  std::string input_;
  std::string problem_;
  std::string remedy_;
};

Fatal usage_error(std::string input, std::string problem, std::string remedy);
Fatal input_error(std::string input, std::string problem, std::string remedy);
Fatal environment_error(std::string input, std::string problem, std::string remedy);

}  // namespace libcdiff
