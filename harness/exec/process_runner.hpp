// Running child processes: the one side effect every harness step needs, behind an interface so the
// orchestration is testable with a fake (testing/fake_process_runner.hpp) and real runs go through
// Boost.Process (boost_process_runner.hpp).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace libcdiff::exec {

struct ProcessSpec {
  std::filesystem::path program;  // absolute, or looked up in PATH
  std::vector<std::string> args;
  std::optional<std::filesystem::path> working_dir;
  // When set, the child gets exactly this environment; otherwise it inherits the harness's.
  std::optional<std::map<std::string, std::string>> environment;
  std::chrono::milliseconds timeout{std::chrono::minutes(10)};
  std::filesystem::path stdout_path;  // empty: discarded
  std::filesystem::path stderr_path;  // empty: discarded; may equal stdout_path
  // Clean-up commands (removing a container after Ctrl-C) must finish even though the run was
  // interrupted; everything else is stopped at once.
  bool survives_interrupt = false;
  // Pin the child to this CPU before exec (benchmarks). Set in the child itself, not with taskset:
  // a glibc wrapper between libcdiff and a musl program would load an LD_PRELOAD meant for musl.
  std::optional<int> cpu;
};

enum class Termination { exited, signaled, timed_out, failed_to_start };

struct ProcessResult {
  Termination termination = Termination::failed_to_start;
  int exit_code = -1;  // valid when exited
  int signal = 0;      // valid when signaled (or the signal used to stop a timed-out child)
  std::chrono::milliseconds elapsed{0};
  std::string error;  // why it failed to start

  bool succeeded() const { return termination == Termination::exited && exit_code == 0; }
  // "exit 1", "SIGSEGV", "timeout after 5000 ms", "failed to start: ..."
  std::string describe() const;
};

class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  virtual ProcessResult run(const ProcessSpec& spec) = 0;
};

// "SIGSEGV" for the usual signals, "signal 42" otherwise.
std::string signal_name(int signal);

}  // namespace libcdiff::exec
