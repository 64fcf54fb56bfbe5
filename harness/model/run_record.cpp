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

std::string to_string(SuiteStatus status) {
  switch (status) {
    case SuiteStatus::ok:
      return "ok";
    case SuiteStatus::recovered:
      return "recovered";
    case SuiteStatus::build_error:
      return "build_error";
    case SuiteStatus::failed_to_start:
      return "failed_to_start";
    case SuiteStatus::crashed_outside_case:
      return "crashed outside a case";
    case SuiteStatus::unreadable_output:
      return "unreadable output";
    case SuiteStatus::gave_up:
      return "gave up";
    case SuiteStatus::interrupted:
      return "interrupted";
    case SuiteStatus::unknown:
      return "unknown";
  }
  return "unknown";
}

SuiteStatus suite_status_from_string(const std::string& name) {
  for (SuiteStatus s : {SuiteStatus::ok, SuiteStatus::recovered, SuiteStatus::build_error,
                        SuiteStatus::failed_to_start, SuiteStatus::crashed_outside_case,
                        SuiteStatus::unreadable_output, SuiteStatus::gave_up, SuiteStatus::interrupted})
    if (to_string(s) == name) return s;
  return SuiteStatus::unknown;
}

bool suite_answered(SuiteStatus status) {
  return status == SuiteStatus::ok || status == SuiteStatus::recovered;
}

}  // namespace libcdiff::model
