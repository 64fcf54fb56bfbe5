#include "collect/suite_runner.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "util/error.hpp"
#include "util/file_text.hpp"
#include "util/text.hpp"

namespace libcdiff::collect {
namespace {

std::string gtest_filter(const std::vector<std::string>& excluded) {
  return "--gtest_filter=-" + util::join(excluded, ":");
}

}  // namespace

std::string unfinished_test(const std::string& console) {
  std::string running;
  std::istringstream lines(console);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with("[ RUN      ] ")) {
      running = line.substr(13);
    } else if (line.starts_with("[       OK ] ") || line.starts_with("[  FAILED  ] ") ||
               line.starts_with("[  SKIPPED ] ")) {
      const std::string name = line.substr(13, line.find(' ', 13) - 13);
      if (name == running) running.clear();
    }
  }
  while (!running.empty() && (running.back() == '\r' || running.back() == ' ')) running.pop_back();
  return running;
}

std::map<std::string, std::string> skip_reasons(const std::string& console) {
  std::map<std::string, std::string> reasons;
  std::istringstream lines(console);
  std::string line, running, reason;
  bool in_skip = false;
  while (std::getline(lines, line)) {
    if (line.starts_with("[ RUN      ] ")) {
      running = line.substr(13);
      reason.clear();
      in_skip = false;
    } else if (line.starts_with("[  SKIPPED ] ")) {
      while (!reason.empty() && reason.back() == '\n') reason.pop_back();
      if (!running.empty() && !reason.empty()) reasons[running] = reason;
      running.clear();
      in_skip = false;
    } else if (!running.empty() && line.ends_with(": Skipped")) {
      in_skip = true;
    } else if (in_skip) {
      reason += line + "\n";
    }
  }
  return reasons;
}

SuiteRunResult run_suite(exec::ProcessRunner& runner, const std::filesystem::path& binary,
                         const std::string& area, const SuiteRunOptions& options) {
  SuiteRunResult result;
  result.summary.area = area;
  result.summary.binary = binary.string();
  std::vector<std::string> excluded;  // cases that crashed or hung in earlier attempts
  std::vector<model::CaseResult> died;
  std::vector<std::string> notes;
  bool finished = false;

  for (int attempt = 1; attempt <= options.max_attempts && !finished; ++attempt) {
    result.summary.attempts = attempt;
    const auto json_path = options.work_dir / (area + ".attempt" + std::to_string(attempt) + ".json");
    const auto console_path = options.work_dir / (area + ".attempt" + std::to_string(attempt) + ".log");
    std::filesystem::remove(json_path);
    exec::ProcessSpec spec;
    spec.program = binary;
    spec.args = {"--gtest_output=json:" + json_path.string(), "--gtest_color=no"};
    if (!excluded.empty()) spec.args.push_back(gtest_filter(excluded));
    spec.args.insert(spec.args.end(), options.extra_args.begin(), options.extra_args.end());
    if (!options.launcher.empty()) {
      spec.args.insert(spec.args.begin(), binary.string());
      spec.args.insert(spec.args.begin(), options.launcher.begin() + 1, options.launcher.end());
      spec.program = options.launcher.front();
    }
    spec.environment = options.environment;
    spec.working_dir = options.work_dir;
    spec.timeout = options.timeout;
    spec.stdout_path = console_path;
    spec.stderr_path = console_path;
    exec::ProcessResult process = runner.run(spec);
    if (options.after_attempt) options.after_attempt();
    if (options.exit_status_carries_signal && process.termination == exec::Termination::exited &&
        process.exit_code > 128 && process.exit_code < 128 + 65) {
      process.termination = exec::Termination::signaled;
      process.signal = process.exit_code - 128;
    }
    result.summary.elapsed_ms += process.elapsed.count();
    if (options.interrupted != nullptr && options.interrupted->load()) {
      // The user stopped the run: a killed binary is not a crash of the case it was running.
      result.output.cases.clear();
      result.summary.status = "interrupted";
      return result;
    }

    // gtest exits 0 (all passed) or 1 (some failed) after writing its JSON; anything else is a death.
    const bool wrote_json =
        process.termination == exec::Termination::exited && std::filesystem::exists(json_path);
    if (wrote_json) {
      SuiteOutput output;
      try {
        output = parse_gtest_json(util::read_text_if_present(json_path), area, json_path.string());
      } catch (const Fatal& e) {
        // One suite's unreadable output must not end the run: its cases carry the reason instead.
        result.summary.status = "unreadable output";
        result.summary.message = e.line();
        return result;
      }
      const auto reasons = skip_reasons(util::read_text_if_present(console_path));
      for (auto& c : output.cases)
        if (c.outcome == model::Outcome::skip)
          if (const auto it = reasons.find(c.id); it != reasons.end()) c.message = it->second;
      result.output.identity = std::move(output.identity);
      result.output.cases = std::move(output.cases);
      finished = true;
      break;
    }
    if (process.termination == exec::Termination::failed_to_start) {
      result.summary.status = "failed_to_start";
      result.summary.message = process.describe();
      return result;
    }
    const std::string culprit = unfinished_test(util::read_text_if_present(console_path));
    if (culprit.empty()) {
      // Died outside any case (static initialisation, environment set-up): nothing to exclude.
      result.summary.status = "crashed outside a case";
      result.summary.message = process.describe() + "; console output in " + console_path.string();
      break;
    }
    model::CaseResult dead;
    dead.id = culprit;
    dead.area = area;
    dead.outcome =
        process.termination == exec::Termination::timed_out ? model::Outcome::timeout : model::Outcome::crash;
    dead.message = process.describe();
    died.push_back(dead);
    excluded.push_back(culprit);
    notes.push_back(culprit + ": " + process.describe());
  }

  for (auto& d : died) result.output.cases.push_back(std::move(d));
  if (finished) {
    result.summary.status = notes.empty() ? "ok" : "recovered";
    result.summary.message = util::join(notes, "; ");
  } else if (result.summary.status.empty()) {
    result.summary.status = "gave up";
    result.summary.message =
        "stopped after " + std::to_string(options.max_attempts) + " attempts: " + util::join(notes, "; ");
  }
  return result;
}

}  // namespace libcdiff::collect
