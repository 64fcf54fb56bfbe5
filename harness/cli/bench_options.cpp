#include "cli/bench_options.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include <unistd.h>

#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::cli {
namespace {

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (!dir.empty() && ::access((std::filesystem::path(dir) / program).c_str(), X_OK) == 0) return true;
  return false;
}

}  // namespace

const std::vector<std::string>& known_allocators() {
  static const std::vector<std::string> names{"mimalloc", "jemalloc"};
  return names;
}

void apply_bench_options(const RunOptions& options, run::RunPlan& plan) {
  plan.bench_time = options.metric != "instructions";
  plan.bench_instructions = options.metric == "instructions" || options.metric == "both";
  if (!plan.bench_time && !plan.bench_instructions)
    throw usage_error("--metric " + options.metric, "is not a benchmark metric",
                      "use time, instructions or both");
  const double percent = options.precision_percent >= 0 ? options.precision_percent : options.quick ? 0 : 5;
  plan.bench_precision = percent / 100;
  plan.bench_estimator = compare::parse_estimator(options.choices.estimator);
  plan.bench_max_rounds = plan.bench_precision > 0 ? 500 : 0;
  plan.bench_budget = std::chrono::minutes(options.bench_budget_minutes);
  plan.bench_samples_per_round = options.samples_per_round > 0 ? options.samples_per_round
                                 : options.quick               ? 1
                                                               : 5;
  // Five short samples per process cost about what one 0.1 s sample did.
  if (plan.bench_samples_per_round > 1 && !options.quick) plan.bench_min_time_seconds = 0.04;
  const std::string list =
      options.allocators.empty() ? (options.quick ? "none" : "mimalloc,jemalloc") : options.allocators;
  plan.allocators.clear();
  if (list != "none")
    for (const auto& name : util::split(list, ',')) {
      if (std::find(known_allocators().begin(), known_allocators().end(), name) == known_allocators().end())
        throw usage_error("--allocators " + list,
                          "names an allocator libcdiff does not build: '" + name + "'",
                          "use a comma list of " + util::join(known_allocators(), ", ") + ", or none");
      if (std::find(plan.allocators.begin(), plan.allocators.end(), name) == plan.allocators.end())
        plan.allocators.push_back(name);
    }
  if (plan.bench_instructions && !plan.bench_areas.empty())
    for (const char* tool : {"valgrind", "objcopy"})
      if (!on_path(tool))
        throw environment_error("--metric " + options.metric, std::string(tool) + " is not installed",
                                "run scripts/setup.sh (it installs Debian's valgrind and binutils)");
}

}  // namespace libcdiff::cli
