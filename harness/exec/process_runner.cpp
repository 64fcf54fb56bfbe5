#include "exec/process_runner.hpp"

#include <csignal>

namespace libcdiff::exec {

std::string signal_name(int signal) {
  switch (signal) {
    case SIGSEGV:
      return "SIGSEGV";
    case SIGABRT:
      return "SIGABRT";
    case SIGBUS:
      return "SIGBUS";
    case SIGFPE:
      return "SIGFPE";
    case SIGILL:
      return "SIGILL";
    case SIGKILL:
      return "SIGKILL";
    case SIGTERM:
      return "SIGTERM";
    case SIGINT:
      return "SIGINT";
    case SIGTRAP:
      return "SIGTRAP";
    case SIGSYS:
      return "SIGSYS";
    case SIGPIPE:
      return "SIGPIPE";
    default:
      return "signal " + std::to_string(signal);
  }
}

std::string ProcessResult::describe() const {
  switch (termination) {
    case Termination::exited:
      return "exit " + std::to_string(exit_code);
    case Termination::signaled:
      return signal_name(signal);
    case Termination::timed_out:
      return "timeout after " + std::to_string(elapsed.count()) + " ms";
    case Termination::failed_to_start:
      return "failed to start: " + error;
  }
  return "unknown";
}

}  // namespace libcdiff::exec
