#include "model/run_record.hpp"

#include <stdexcept>

namespace libcdiff::model {

std::string to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::pass:
      return "pass";
    case Outcome::fail:
      return "fail";
    case Outcome::skip:
      return "skip";
    case Outcome::crash:
      return "crash";
    case Outcome::timeout:
      return "timeout";
    case Outcome::build_error:
      return "build_error";
  }
  return "unknown";
}

Outcome outcome_from_string(const std::string& name) {
  for (Outcome o :
       {Outcome::pass, Outcome::fail, Outcome::skip, Outcome::crash, Outcome::timeout, Outcome::build_error})
    if (to_string(o) == name) return o;
  throw std::invalid_argument("unknown outcome '" + name + "'");
}

}  // namespace libcdiff::model
