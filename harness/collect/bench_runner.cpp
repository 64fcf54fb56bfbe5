#include "collect/bench_runner.hpp"

#include <sched.h>
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "collect/instruction_counter.hpp"
#include "util/error.hpp"
#include "util/file_text.hpp"
#include "util/text.hpp"

namespace libcdiff::collect {
namespace {

double to_ns(double value, const std::string& unit) {
  if (unit == "us") return value * 1e3;
  if (unit == "ms") return value * 1e6;
  if (unit == "s") return value * 1e9;
  return value;
}

void add_samples(model::RunRecord& record, const std::string& area, const BenchOutput& output) {
  for (const auto& s : output.samples) {
    auto it = std::find_if(record.benchmarks.begin(), record.benchmarks.end(),
                           [&](const auto& b) { return b.name == s.name; });
    if (it == record.benchmarks.end()) {
      record.benchmarks.push_back({s.name, area, s.time_kind, {}});
      it = record.benchmarks.end() - 1;
    }
    it->samples_ns.push_back(s.ns);
  }
  for (const auto& [k, v] : output.context) record.benchmark_context[k] = v;
}

long long peak_rss_kib(const std::string& console) {
  const auto pos = console.rfind("libcdiff-peak-rss-kib: ");
  if (pos == std::string::npos) return -1;
  try {
    return std::stoll(console.substr(pos + 23));
  } catch (const std::exception&) {
    return -1;  // a benchmark that printed garbage after the marker has no figure, and no crash
  }
}

// Google Benchmark 1.7.1 writes a non-finite counter as a bare NaN or Infinity, which is not JSON:
// the coefficient-of-variation aggregate of a counter that is 0 in every repetition is 0/0. Such
// values (outside strings) become null; libcdiff reads only the times.
std::string without_non_finite_numbers(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size())
        out += text[++i];
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    bool replaced = false;
    for (const std::string_view token :
         {"-Infinity", "Infinity", "-NaN", "NaN", "-nan", "nan", "-inf", "inf"})
      if (text.compare(i, token.size(), token) == 0) {
        out += "null";
        i += token.size() - 1;
        replaced = true;
        break;
      }
    if (!replaced) out += c;
  }
  return out;
}

BenchOutput read_benchmark_json(const std::string& text, const std::string& source) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(without_non_finite_numbers(text));
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for 1e99999
    throw input_error(source, "is not valid Google Benchmark JSON (" + std::string(e.what()) + ")",
                      "check that the benchmark binary finished; its console output is kept beside it");
  }
  BenchOutput out;
  // Named locals: iterating items() of a temporary would dangle.
  const nlohmann::json context = root.value("context", nlohmann::json::object());
  const nlohmann::json benchmarks = root.value("benchmarks", nlohmann::json::array());
  for (const auto& [key, value] : context.items()) {
    if (value.is_string())
      out.context[key] = value.get<std::string>();
    else if (value.is_boolean())
      out.context[key] = value.get<bool>() ? "true" : "false";
    else if (value.is_number())
      out.context[key] = value.dump();
  }
  for (const auto& b : benchmarks) {
    if (b.value("run_type", "iteration") != "iteration" || b.value("error_occurred", false)) continue;
    const std::string name = b.value("name", "");
    const bool real = name.find("/real_time") != std::string::npos;
    const double value = real ? b.value("real_time", 0.0) : b.value("cpu_time", 0.0);
    out.samples.push_back({name, real ? "real" : "cpu", to_ns(value, b.value("time_unit", "ns"))});
  }
  return out;
}

}  // namespace

BenchOutput parse_benchmark_json(const std::string& text, const std::string& source) {
  try {
    return read_benchmark_json(text, source);
  } catch (const nlohmann::json::exception& e) {
    // Valid JSON of the wrong shape (found by fuzzing): the file is damaged, not libcdiff.
    throw input_error(source,
                      "is not Google Benchmark JSON of the expected shape (" + std::string(e.what()) + ")",
                      "check that the benchmark binary finished; its console output is kept beside it");
  }
}

std::optional<int> last_allowed_cpu() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) != 0 || CPU_COUNT(&set) < 2) return std::nullopt;
  for (int cpu = CPU_SETSIZE - 1; cpu >= 0; --cpu)
    if (CPU_ISSET(cpu, &set)) return cpu;
  return std::nullopt;
}

std::size_t layout_pad_bytes(int round) {
  return (static_cast<std::size_t>(round) * 1297u) % 4096u;
}

namespace {

struct Invocation {
  std::string area;
  std::filesystem::path binary;
  std::string filter;    // "" = the whole binary
  std::string isolated;  // the one benchmark this process runs, for its own peak RSS
  int round = 0;
  bool pinnable = true;  // only single-threaded work: several threads on one CPU would change it
};

std::string any_of_filter(const std::set<std::string>& names) {
  std::string alternatives;
  for (const auto& n : names) alternatives += (alternatives.empty() ? "" : "|") + regex_escape(n);
  return "^(" + alternatives + ")$";
}

class RoundRunner {
 public:
  RoundRunner(exec::ProcessRunner& runner, const BenchRunOptions& options)
      : runner_(runner), options_(options) {}

  // Runs one binary once; returns false (and records the problem) when it failed.
  bool run(BenchTarget& t, const Invocation& inv) {
    const std::string tag = inv.area + (t.variant.empty() ? "" : "." + t.variant) +
                            (inv.isolated.empty() ? "" : "." + util::path_safe(inv.isolated));
    const auto stem = t.work_dir / ("bench-" + tag + ".round" + std::to_string(inv.round));
    const auto json = stem.string() + ".json";
    const auto console = stem.string() + ".log";
    exec::ProcessSpec spec;
    spec.program = inv.binary;
    spec.args = {"--benchmark_format=json", "--benchmark_out=" + json, "--benchmark_out_format=json",
                 "--benchmark_min_time=" + std::to_string(options_.min_time_seconds)};
    if (options_.samples_per_process > 1)
      spec.args.push_back("--benchmark_repetitions=" + std::to_string(options_.samples_per_process));
    const std::string filter = inv.isolated.empty() ? inv.filter : "^" + regex_escape(inv.isolated) + "$";
    if (!filter.empty()) spec.args.push_back("--benchmark_filter=" + filter);
    spec.environment = options_.environment;
    for (const auto& [k, v] : t.extra_environment) (*spec.environment)[k] = v;
    if (options_.vary_environment)
      (*spec.environment)["LIBCDIFF_LAYOUT_PAD"] = std::string(layout_pad_bytes(inv.round), 'x');
    if (!t.launcher.empty()) {
      spec.args.insert(spec.args.begin(), spec.program.string());
      spec.args.insert(spec.args.begin(), t.launcher.begin() + 1, t.launcher.end());
      spec.program = t.launcher.front();
      spec.environment = t.launcher_environment;
    } else if (options_.pin_cpu && inv.pinnable) {
      spec.cpu = options_.pin_cpu;
    }
    spec.working_dir = t.work_dir;
    spec.timeout = options_.timeout;
    spec.stdout_path = console + ".out";
    spec.stderr_path = console;
    const auto result = runner_.run(spec);
    if (t.after_run) t.after_run();
    const std::string key = t.record->target + (t.variant.empty() ? "" : "+" + t.variant) + "/" + inv.area;
    if (!result.succeeded() || !std::filesystem::exists(json))
      return fail(key, result.describe() + "; see " + console);
    // Benchmark JSON is a few KiB per binary; anything far larger is not Google Benchmark's.
    util::cap_file(console, 8u << 20);
    util::cap_file(console + ".out", 8u << 20);
    if (std::filesystem::file_size(json) > (64u << 20))
      return fail(key, json + " is larger than 64 MiB; not read");
    BenchOutput output;
    try {
      output = parse_benchmark_json(util::read_text_if_present(json), json);
    } catch (const Fatal& e) {
      return fail(key, e.line());
    }
    const std::string suffix = t.variant.empty() ? "" : " [" + t.variant + "]";
    for (auto& sample : output.samples) sample.name += suffix;
    add_samples(*t.record, inv.area, output);
    const long long rss = peak_rss_kib(util::read_text_if_present(console));
    if (rss > 0) {
      auto& peak =
          t.record->footprint["peak_rss_kib." + (inv.isolated.empty() ? inv.area : inv.isolated) + suffix];
      peak = std::max(peak, rss);
    }
    return true;
  }

  std::vector<std::string> problems;

 private:
  bool fail(const std::string& key, const std::string& what) {
    problems.push_back(key + ": " + what);
    return false;
  }
  exec::ProcessRunner& runner_;
  const BenchRunOptions& options_;
};

// The benchmarks of a binary in an isolated area, read once from --benchmark_list_tests.
std::vector<std::string> listed_benchmarks(exec::ProcessRunner& runner, const BenchTarget& t,
                                           const std::filesystem::path& binary, const std::string& area) {
  exec::ProcessSpec spec;
  spec.program = binary;
  spec.args = {"--benchmark_list_tests=true"};
  if (!t.launcher.empty()) {
    spec.args.insert(spec.args.begin(), spec.program.string());
    spec.args.insert(spec.args.begin(), t.launcher.begin() + 1, t.launcher.end());
    spec.program = t.launcher.front();
    spec.environment = t.launcher_environment;
  }
  spec.working_dir = t.work_dir;
  spec.timeout = std::chrono::minutes(1);
  spec.stdout_path = t.work_dir / ("bench-" + area + ".list");
  const auto result = runner.run(spec);
  if (t.after_run) t.after_run();
  std::vector<std::string> names;
  if (!result.succeeded()) return names;
  std::istringstream lines(util::read_text_if_present(spec.stdout_path));
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with("BM_")) names.push_back(line);
  return names;
}

}  // namespace

std::vector<std::string> run_benchmarks_interleaved(exec::ProcessRunner& runner,
                                                    std::vector<BenchTarget>& targets,
                                                    const BenchRunOptions& options) {
  RoundRunner round_runner(runner, options);
  std::set<std::string> failed;  // "target[+variant]/area": not retried in later rounds
  std::set<std::string> areas;
  for (const auto& t : targets)
    for (const auto& [area, binary] : t.binaries) areas.insert(area);
  const auto stopped = [&] { return options.interrupted && options.interrupted->load(); };
  const auto started = options.clock ? options.clock->now() : std::chrono::system_clock::time_point{};
  std::map<std::string, std::vector<std::string>> isolated;  // "target/area" -> benchmark names
  const int last_round = std::max(options.rounds, options.max_rounds);
  for (int round = 1; round <= last_round; ++round) {
    std::set<std::string> only;  // adaptive rounds: these benchmarks only
    if (round > options.rounds) {
      if (!options.imprecise ||
          (options.clock && options.budget.count() > 0 && options.clock->now() - started >= options.budget))
        break;
      only = options.imprecise();
      if (only.empty()) break;
    }
    for (const auto& area : areas) {
      for (auto& t : targets) {
        if (stopped()) return round_runner.problems;
        const auto binary = t.binaries.find(area);
        const std::string key = t.record->target + (t.variant.empty() ? "" : "+" + t.variant) + "/" + area;
        if (binary == t.binaries.end() || failed.count(key)) continue;
        if (!t.only_areas.empty() && !t.only_areas.count(area)) continue;
        if (round > options.rounds && !t.variant.empty()) continue;
        std::filesystem::create_directories(t.work_dir);
        // A whole binary is pinned unless it holds multi-threaded benchmarks.
        Invocation inv{area, binary->second, "", "", round, !options.multi_threaded_areas.count(area)};
        std::vector<std::string> names;
        if (options.isolated_areas.count(area)) {
          const std::string list_key = t.record->target + "/" + area;
          if (!isolated.count(list_key))
            isolated[list_key] = listed_benchmarks(runner, t, binary->second, area);
          names = isolated[list_key];
        }
        if (!only.empty()) {
          std::set<std::string> wanted;
          for (const auto& b : t.record->benchmarks)
            if (b.area == area && only.count(b.name)) wanted.insert(b.name);
          if (wanted.empty()) continue;
          if (names.empty()) inv.filter = any_of_filter(wanted);
          std::erase_if(names, [&](const std::string& n) { return !wanted.count(n); });
        }
        if (names.empty()) {  // not isolated, or its list could not be read: the whole binary
          if (!round_runner.run(t, inv)) failed.insert(key);
        } else {
          // One benchmark that fails in its own process is skipped from then on, not its area.
          for (const auto& name : names) {
            if (stopped()) return round_runner.problems;
            if (failed.count(key + "/" + name)) continue;
            inv.isolated = name;
            inv.pinnable = countable_benchmark(name);
            if (!round_runner.run(t, inv)) failed.insert(key + "/" + name);
          }
        }
        if (stopped()) return round_runner.problems;
      }
    }
    if (options.after_round) options.after_round(round, std::max(round, options.rounds));
  }
  return round_runner.problems;
}

}  // namespace libcdiff::collect
