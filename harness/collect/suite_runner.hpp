// Runs one suite binary and turns whatever happens into case results. A case that crashes the binary
// or hangs becomes that case's `crash`/`timeout` outcome and the binary is re-run without it, so one
// bad case never hides the others (DESIGN §4, the libc-test model).
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "collect/gtest_json.hpp"
#include "exec/process_runner.hpp"
#include "model/run_record.hpp"

namespace libcdiff::collect {

struct SuiteRunOptions {
  std::chrono::milliseconds timeout{std::chrono::seconds(120)};  // per attempt
  int max_attempts = 20;                                         // each crash or hang costs one attempt
  std::map<std::string, std::string> environment;                // exactly this environment for the binary
  std::filesystem::path work_dir;                                // gtest JSON and console logs are kept here
  std::vector<std::string> extra_args;                           // e.g. --gtest_filter for `run --cases`
  const std::atomic<bool>* interrupted = nullptr;  // Ctrl-C: stop at once, report nothing of this suite
  std::vector<std::string> launcher;  // runs the binary through this (program + args), e.g. the DNS lab
  // Called after every attempt, however it ended (removes the attempt's container).
  std::function<void()> after_attempt;
  // The launcher reports a signal N as exit status 128+N (container engines do): read it back as the
  // signal, so a crash reads the same on the host and in a container.
  bool exit_status_carries_signal = false;
  // Where the binary's listener names the running case (LIBCDIFF_CASE_MARKER); default
  // <work_dir>/<area>.case. Set it when the binary runs elsewhere (a container) and pass the variable
  // in the binary's own environment too; the path must be the same for both.
  std::filesystem::path case_marker;
  // Caps on what one case may put into the results: a case printing 50 MB must not make the run
  // record (and every report) 500 MB. Cut values carry a visible "[truncated at N bytes of M]".
  std::size_t max_observation_bytes = 64 * 1024;
  std::size_t max_message_bytes = 16 * 1024;
  // A suite's console log is cut to its first and last halves of this after each attempt; gtest
  // JSON larger than max_json_bytes is refused unread (reading it would take gigabytes of memory).
  std::uintmax_t max_log_bytes = 8u << 20;
  std::uintmax_t max_json_bytes = 256u << 20;
};

struct SuiteRunResult {
  SuiteOutput output;  // identity from the last attempt that finished, cases from all attempts
  model::SuiteRun summary;
};

SuiteRunResult run_suite(exec::ProcessRunner& runner, const std::filesystem::path& binary,
                         const std::string& area, const SuiteRunOptions& options);

// The test a binary was running when it died: the last "[ RUN      ] X" in its console output with no
// "[       OK ]", "[  FAILED  ]" or "[  SKIPPED ]" after it. Empty when none was running.
std::string unfinished_test(const std::string& console);

// Makes a case's texts safe to store: valid UTF-8 (invalid bytes shown as \xNN) and bounded in size.
void sanitize_case(model::CaseResult& result, const SuiteRunOptions& options);

// GTEST_SKIP's message from the console output, by test id: gtest 1.12's JSON drops it, the console
// prints it between "file:line: Skipped" and "[  SKIPPED ] <id>".
std::map<std::string, std::string> skip_reasons(const std::string& console);

}  // namespace libcdiff::collect
