// A ProcessRunner that records what it was asked to run and answers from a script, for command
// tests that must not build or run anything.
#pragma once

#include <functional>
#include <vector>

#include "exec/process_runner.hpp"
#include "util/clock.hpp"

namespace libcdiff::testing {

class FakeProcessRunner final : public exec::ProcessRunner {
 public:
  std::function<exec::ProcessResult(const exec::ProcessSpec&)> respond = [](const exec::ProcessSpec&) {
    exec::ProcessResult r;
    r.termination = exec::Termination::exited;
    r.exit_code = 0;
    return r;
  };
  std::vector<exec::ProcessSpec> calls;

  exec::ProcessResult run(const exec::ProcessSpec& spec) override {
    calls.push_back(spec);
    return respond(spec);
  }
};

// A process that exited with `code`, for scripted answers.
inline exec::ProcessResult exited(int code) {
  exec::ProcessResult r;
  r.termination = exec::Termination::exited;
  r.exit_code = code;
  return r;
}

class FixedClock final : public util::Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::from_time_t(1795000000);
  }
};

}  // namespace libcdiff::testing
