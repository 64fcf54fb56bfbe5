// Progress lines for long work ("[3/8] musl locale: 17 cases, 0.4 s"). Plain lines, no cursor
// tricks, so CI logs stay readable.
#pragma once

#include <ostream>
#include <string>

namespace libcdiff::ui {

class Progress {
 public:
  Progress(std::ostream& out, int total_steps) : out_(out), total_(total_steps) {}
  void step(const std::string& what);  // starts the next numbered step
  void note(const std::string& what);  // an indented detail of the current step

 private:
  std::ostream& out_;
  int total_;
  int current_ = 0;
};

}  // namespace libcdiff::ui
