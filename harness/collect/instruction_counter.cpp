#include "collect/instruction_counter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "util/file_text.hpp"
#include "util/text.hpp"

namespace libcdiff::collect {
namespace {

// valgrind 3.19 gives up on the whole symbol table of a binary with DWARF 5 debug information that
// it cannot parse, and the counts then name no function. The measured copy keeps symbols only.
std::optional<std::filesystem::path> measurable_copy(exec::ProcessRunner& runner,
                                                     const std::filesystem::path& binary,
                                                     const std::filesystem::path& dir,
                                                     const InstructionOptions& options,
                                                     std::string& problem) {
  const auto copy = dir / (binary.filename().string() + ".symbols-only");
  exec::ProcessSpec spec;
  spec.program = options.objcopy;
  spec.args = {"--strip-debug", binary.string(), copy.string()};
  spec.timeout = std::chrono::minutes(2);
  spec.stderr_path = dir / (binary.filename().string() + ".objcopy.log");
  const auto result = runner.run(spec);
  if (!result.succeeded() || !std::filesystem::exists(copy)) {
    problem = fmt::format("{}: objcopy --strip-debug: {}; see {}", binary.string(), result.describe(),
                          spec.stderr_path.string());
    return std::nullopt;
  }
  return copy;
}

std::vector<std::string> list_benchmarks(exec::ProcessRunner& runner, const std::filesystem::path& binary,
                                         const std::filesystem::path& dir, const InstructionOptions& options,
                                         std::string& problem) {
  exec::ProcessSpec spec;
  spec.program = binary;
  spec.args = {"--benchmark_list_tests=true"};
  spec.environment = options.environment;
  spec.working_dir = dir;
  spec.timeout = std::chrono::minutes(1);
  spec.stdout_path = dir / (binary.filename().string() + ".list");
  spec.stderr_path = dir / (binary.filename().string() + ".list.log");
  const auto result = runner.run(spec);
  if (!result.succeeded()) {
    problem = fmt::format("{} --benchmark_list_tests: {}", binary.string(), result.describe());
    return {};
  }
  std::vector<std::string> names;
  std::istringstream lines(util::read_text_if_present(spec.stdout_path));
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with("BM_")) names.push_back(line);
  return names;
}

}  // namespace

bool countable_benchmark(const std::string& name) {
  if (name.find("/real_time") != std::string::npos) return false;
  const auto threads = name.find("/threads:");
  return threads == std::string::npos || name.compare(threads, 11, "/threads:1/") == 0 ||
         name.substr(threads) == "/threads:1";
}

std::string benchmark_function(const std::string& name) {
  return name.substr(0, name.find('/'));
}

std::string regex_escape(const std::string& name) {
  std::string escaped;
  for (const char c : name) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) escaped += '\\';
    escaped += c;
  }
  return escaped;
}

std::string exact_filter(const std::string& name) {
  return "^" + regex_escape(name) + "(/iterations:[0-9]+)?$";
}

std::optional<std::map<std::string, long long>> read_callgrind_summary(const std::string& text) {
  std::vector<std::string> events;
  std::vector<long long> values;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string key;
    words >> key;
    if (key == "events:") {
      events.clear();
      for (std::string e; words >> e;) events.push_back(e);
    } else if (key == "summary:") {
      values.clear();
      for (long long v; words >> v;) values.push_back(v);
    }
  }
  if (events.empty() || values.empty()) return std::nullopt;
  std::map<std::string, long long> out;
  // Callgrind omits trailing zero events from the summary line.
  for (std::size_t i = 0; i < events.size(); ++i) out[events[i]] = i < values.size() ? values[i] : 0;
  return out;
}

std::vector<std::string> count_instructions(exec::ProcessRunner& runner,
                                            std::vector<InstructionTarget>& targets,
                                            const InstructionOptions& options) {
  std::vector<std::string> problems;
  const auto stopped = [&] { return options.interrupted && options.interrupted->load(); };
  struct Job {
    InstructionTarget* target;
    std::filesystem::path binary;
    std::string name;
  };
  std::vector<Job> jobs;
  for (auto& t : targets) {
    const auto dir = t.work_dir / "instructions";
    std::filesystem::create_directories(dir);
    for (const auto& [area, binary] : t.binaries) {
      std::string problem;
      const auto copy = measurable_copy(runner, binary, dir, options, problem);
      if (!copy) {
        problems.push_back(t.record->target + "/" + area + ": " + problem);
        continue;
      }
      for (const auto& name : list_benchmarks(runner, *copy, dir, options, problem))
        if (countable_benchmark(name)) jobs.push_back({&t, *copy, name});
      if (!problem.empty()) problems.push_back(t.record->target + "/" + area + ": " + problem);
    }
  }
  if (!jobs.empty()) {
    // What produced the counts travels with them.
    for (auto& t : targets) t.record->benchmark_context["instruction_counter"] = "valgrind --tool=callgrind";
  }
  int done = 0;
  for (const auto& job : jobs) {
    if (stopped()) return problems;
    auto& record = *job.target->record;
    if (options.progress) options.progress(record.target, job.name, done, static_cast<int>(jobs.size()));
    ++done;
    std::map<long long, std::map<std::string, long long>> counts;
    std::string problem;
    for (const long long iterations : {options.low_iterations, options.high_iterations}) {
      const auto stem =
          job.target->work_dir / "instructions" / fmt::format("{}.{}", util::path_safe(job.name), iterations);
      exec::ProcessSpec spec;
      spec.program = options.valgrind;
      spec.args = {"--tool=callgrind",
                   "--callgrind-out-file=" + stem.string() + ".callgrind",
                   "--toggle-collect=*" + benchmark_function(job.name) + "(*",
                   "--collect-systime=yes",
                   job.binary.string(),
                   "--benchmark_filter=" + exact_filter(job.name),
                   "--benchmark_repetitions=1"};
      spec.environment = options.environment;
      (*spec.environment)["LIBCDIFF_BENCH_ITERATIONS"] = std::to_string(iterations);
      spec.working_dir = job.target->work_dir / "instructions";
      spec.timeout = options.timeout;
      spec.stdout_path = stem.string() + ".out";
      spec.stderr_path = stem.string() + ".log";
      const auto result = runner.run(spec);
      if (stopped()) return problems;
      const auto summary = read_callgrind_summary(util::read_text_if_present(stem.string() + ".callgrind"));
      if (!result.succeeded() || !summary || !summary->count("Ir")) {
        problem = fmt::format("valgrind: {}; see {}.log", result.describe(), stem.string());
        break;
      }
      // A benchmark that failed its own check under valgrind counted something else: valgrind
      // emulates x87 long double with 64-bit precision, so musl's strtod (long double arithmetic)
      // does not round-trip there and the workload says so.
      const std::string console = util::read_text_if_present(spec.stdout_path);
      if (const auto error = console.find("ERROR OCCURRED: "); error != std::string::npos) {
        problem = "the benchmark reported an error under valgrind (" +
                  console.substr(error + 16, console.find('\n', error) - error - 16) +
                  "); its count would measure something else, so there is none";
        break;
      }
      counts[iterations] = *summary;
    }
    if (problem.empty() && counts[options.low_iterations]["Ir"] == 0)
      problem = "callgrind counted nothing inside " + benchmark_function(job.name) +
                " (the function was not found in the symbol table)";
    if (!problem.empty()) {
      problems.push_back(record.target + "/" + job.name + ": " + problem);
      continue;
    }
    const double span = static_cast<double>(options.high_iterations - options.low_iterations);
    // System calls outside the loop (timers, the first write) can differ by one between the two
    // runs; a negative figure per iteration would be that noise, not a count.
    const auto per = [&](const std::string& event) {
      return std::max(0.0, static_cast<double>(counts[options.high_iterations][event] -
                                               counts[options.low_iterations][event]) /
                               span);
    };
    record.instructions[job.name] = {per("Ir"), per("sysCount"), options.low_iterations,
                                     options.high_iterations};
  }
  return problems;
}

}  // namespace libcdiff::collect
