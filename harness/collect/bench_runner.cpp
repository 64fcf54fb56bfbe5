#include "collect/bench_runner.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "util/error.hpp"
#include "util/file_text.hpp"

namespace libcdiff::collect {
namespace {

double to_ns(double value, const std::string& unit) {
  if (unit == "us") return value * 1e3;
  if (unit == "ms") return value * 1e6;
  if (unit == "s") return value * 1e9;
  return value;
}

std::string area_of(const std::filesystem::path& binary) {
  const std::string name = binary.filename().string();
  return name.starts_with("bench_") ? name.substr(6) : name;
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

BenchOutput read_benchmark_json(const std::string& text, const std::string& source) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text);
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

std::vector<std::string> run_benchmarks_interleaved(exec::ProcessRunner& runner,
                                                    std::vector<BenchTarget>& targets,
                                                    const BenchRunOptions& options) {
  std::vector<std::string> problems;
  std::set<std::string> failed;  // "target/area": not retried in later rounds
  std::set<std::string> areas;
  for (const auto& t : targets)
    for (const auto& [area, binary] : t.binaries) areas.insert(area);
  for (int round = 1; round <= options.rounds; ++round) {
    for (const auto& area : areas) {
      for (auto& t : targets) {
        if (options.interrupted && options.interrupted->load()) return problems;
        const auto binary = t.binaries.find(area);
        const std::string key = t.record->target + "/" + area;
        if (binary == t.binaries.end() || failed.count(key)) continue;
        std::filesystem::create_directories(t.work_dir);
        const auto json = t.work_dir / ("bench-" + area + ".round" + std::to_string(round) + ".json");
        const auto console = t.work_dir / ("bench-" + area + ".round" + std::to_string(round) + ".log");
        exec::ProcessSpec spec;
        spec.program = binary->second;
        spec.args = {"--benchmark_format=json", "--benchmark_out=" + json.string(),
                     "--benchmark_out_format=json",
                     "--benchmark_min_time=" + std::to_string(options.min_time_seconds)};
        spec.environment = options.environment;
        if (!t.launcher.empty()) {
          spec.args.insert(spec.args.begin(), spec.program.string());
          spec.args.insert(spec.args.begin(), t.launcher.begin() + 1, t.launcher.end());
          spec.program = t.launcher.front();
          spec.environment = t.launcher_environment;
        }
        spec.working_dir = t.work_dir;
        spec.timeout = options.timeout;
        spec.stdout_path = console.string() + ".out";
        spec.stderr_path = console;
        const auto result = runner.run(spec);
        if (t.after_run) t.after_run();
        if (options.interrupted && options.interrupted->load()) return problems;
        if (!result.succeeded() || !std::filesystem::exists(json)) {
          failed.insert(key);
          problems.push_back(key + ": " + result.describe() + "; see " + console.string());
          continue;
        }
        // Benchmark JSON is a few KiB per binary; anything far larger is not Google Benchmark's.
        util::cap_file(console, 8u << 20);
        util::cap_file(console.string() + ".out", 8u << 20);
        if (std::filesystem::file_size(json) > (64u << 20)) {
          failed.insert(key);
          problems.push_back(key + ": " + json.string() + " is larger than 64 MiB; not read");
          continue;
        }
        try {
          add_samples(*t.record, area_of(binary->second),
                      parse_benchmark_json(util::read_text_if_present(json), json.string()));
        } catch (const Fatal& e) {
          failed.insert(key);
          problems.push_back(key + ": " + e.line());
          continue;
        }
        const long long rss = peak_rss_kib(util::read_text_if_present(console));
        if (rss > 0) {
          auto& peak = t.record->footprint["peak_rss_kib." + area];
          peak = std::max(peak, rss);
        }
      }
    }
    if (options.after_round) options.after_round(round, options.rounds);
  }
  return problems;
}

}  // namespace libcdiff::collect
