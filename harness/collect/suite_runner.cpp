#include "collect/suite_runner.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "util/error.hpp"
#include "util/file_text.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace libcdiff::collect {
namespace {

// The binary's arguments for one attempt: a --gtest_filter among the caller's arguments (`run
// --cases`, `libcdiff fuzz`) is joined with the attempt's exclusions into one filter, since gtest
// reads only the last one and a caller's filter must not bring back a case that crashed.
std::vector<std::string> attempt_args(const std::vector<std::string>& extra,
                                      const std::vector<std::string>& excluded) {
  constexpr std::string_view kFilter = "--gtest_filter=";
  std::vector<std::string> args;
  std::string positive;
  for (const auto& a : extra) {
    if (a.starts_with(kFilter))
      positive = a.substr(kFilter.size());
    else
      args.push_back(a);
  }
  if (!excluded.empty() && positive.find('-') != std::string::npos)
    positive += ":" + util::join(excluded, ":");  // the caller's filter already has a negative part
  else if (!excluded.empty())
    positive += "-" + util::join(excluded, ":");
  if (!positive.empty()) args.insert(args.begin(), std::string(kFilter) + positive);
  return args;
}

// The case a dead binary was running. The suite's own listener names it in the marker file
// (suites/common/case_marker.hpp); binaries without the listener leave the file absent and the
// console's last unfinished "[ RUN ]" line stands in.
std::string dead_case(const std::filesystem::path& marker, const std::filesystem::path& console) {
  if (std::filesystem::exists(marker)) return util::trim(util::read_text_if_present(marker));
  return unfinished_test(util::read_text_if_present(console));
}

}  // namespace

void sanitize_case(model::CaseResult& result, const SuiteRunOptions& options) {
  result.message = util::bounded_text(util::valid_utf8(result.message), options.max_message_bytes);
  model::Observations clean;
  for (auto& [key, value] : result.observations)
    clean[util::valid_utf8(key)] = util::bounded_text(util::valid_utf8(value), options.max_observation_bytes);
  result.observations = std::move(clean);
}

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
  bool stopped_outside_case = false;  // a death no case can be blamed for ended the attempts

  for (int attempt = 1; attempt <= options.max_attempts && !finished; ++attempt) {
    result.summary.attempts = attempt;
    const auto json_path = options.work_dir / (area + ".attempt" + std::to_string(attempt) + ".json");
    const auto console_path = options.work_dir / (area + ".attempt" + std::to_string(attempt) + ".log");
    const auto marker_path =
        options.case_marker.empty() ? options.work_dir / (area + ".case") : options.case_marker;
    std::filesystem::remove(json_path);
    std::filesystem::remove(marker_path);
    // However this attempt ends, what it left on disk is bounded (after it was read).
    struct CapOutputs {
      const std::filesystem::path& console;
      const std::filesystem::path& json;
      std::uintmax_t limit;
      ~CapOutputs() {
        util::cap_file(console, limit);
        util::cap_file(json, limit);
      }
    } cap_outputs{console_path, json_path, options.max_log_bytes};
    exec::ProcessSpec spec;
    spec.program = binary;
    spec.args = {"--gtest_output=json:" + json_path.string(), "--gtest_color=no"};
    for (auto& a : attempt_args(options.extra_args, excluded)) spec.args.push_back(std::move(a));
    if (!options.launcher.empty()) {
      spec.args.insert(spec.args.begin(), binary.string());
      spec.args.insert(spec.args.begin(), options.launcher.begin() + 1, options.launcher.end());
      spec.program = options.launcher.front();
    }
    spec.environment = options.environment;
    spec.environment->emplace("LIBCDIFF_CASE_MARKER", marker_path.string());
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
      result.summary.status = model::SuiteStatus::interrupted;
      return result;
    }

    // gtest exits 0 (all passed) or 1 (some failed) after writing its JSON; anything else is a death.
    const bool wrote_json =
        process.termination == exec::Termination::exited && std::filesystem::exists(json_path);
    if (wrote_json) {
      SuiteOutput output;
      if (const auto size = std::filesystem::file_size(json_path); size > options.max_json_bytes) {
        result.summary.status = model::SuiteStatus::unreadable_output;
        result.summary.message =
            json_path.string() + " is " + std::to_string(size >> 20) + " MiB, more than a suite may write (" +
            std::to_string(options.max_json_bytes >> 20) + " MiB); its observations are too large to compare";
        return result;
      }
      try {
        output = parse_gtest_json(util::read_text_if_present(json_path), area, json_path.string());
      } catch (const Fatal& e) {
        // One suite's unreadable output must not end the run: its cases carry the reason instead.
        result.summary.status = model::SuiteStatus::unreadable_output;
        result.summary.message = e.line();
        return result;
      }
      util::cap_file(console_path, options.max_log_bytes);  // read bounded
      const auto reasons = skip_reasons(util::read_text_if_present(console_path));
      for (auto& c : output.cases)
        if (c.outcome == model::Outcome::skip)
          if (const auto it = reasons.find(c.id); it != reasons.end()) c.message = it->second;
      for (auto& [key, value] : output.identity) value = util::bounded_text(util::valid_utf8(value), 4096);
      for (auto& c : output.cases) sanitize_case(c, options);
      result.output.identity = std::move(output.identity);
      result.output.cases = std::move(output.cases);
      finished = true;
      break;
    }
    if (process.termination == exec::Termination::failed_to_start) {
      result.summary.status = model::SuiteStatus::failed_to_start;
      result.summary.message = process.describe();
      return result;
    }
    util::cap_file(console_path, options.max_log_bytes);  // the tail, where the death is, stays
    const std::string culprit = dead_case(marker_path, console_path);
    if (!culprit.empty() && std::find(excluded.begin(), excluded.end(), culprit) != excluded.end()) {
      // The binary died "in" a case that was filtered out: whatever named it lied (a case can print
      // another's "[ RUN ]" line). Blaming it again would loop; say what is known and stop.
      result.summary.status = model::SuiteStatus::crashed_outside_case;
      stopped_outside_case = true;
      result.summary.message = process.describe() + " while the console named " + culprit +
                               ", which was not running; console output in " + console_path.string();
      break;
    }
    if (culprit.empty()) {
      // Died outside any case (static initialisation, environment set-up): nothing to exclude.
      result.summary.status = model::SuiteStatus::crashed_outside_case;
      stopped_outside_case = true;
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
    result.summary.status = notes.empty() ? model::SuiteStatus::ok : model::SuiteStatus::recovered;
    result.summary.message = util::join(notes, "; ");
  } else if (!stopped_outside_case) {
    result.summary.status = model::SuiteStatus::gave_up;
    result.summary.message =
        "stopped after " + std::to_string(options.max_attempts) + " attempts: " + util::join(notes, "; ");
  }
  return result;
}

}  // namespace libcdiff::collect
