// The real ProcessRunner: Boost.Process (v1) with an argument vector, never a shell string.
// Timeouts are enforced by our own polling watchdog that kills the child's whole process group:
// Boost's wait_for swaps the SIGCHLD handler and is unsafe with several threads (DESIGN §10).
#pragma once

#include <atomic>

#include "exec/process_runner.hpp"

namespace libcdiff::exec {

class BoostProcessRunner final : public ProcessRunner {
 public:
  // When *interrupted becomes true (the CLI's SIGINT handler), the running child's process group is
  // killed at once, so Ctrl-C never leaves a suite or build running behind the harness.
  explicit BoostProcessRunner(const std::atomic<bool>* interrupted = nullptr) : interrupted_(interrupted) {}
  ProcessResult run(const ProcessSpec& spec) override;

 private:
  const std::atomic<bool>* interrupted_;
};

}  // namespace libcdiff::exec
