#include "compare/bench_compare.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "compare/allocator_table.hpp"
#include "compare/bench_instructions.hpp"
#include "compare/bench_precision.hpp"
#include "compare/statistics.hpp"

namespace libcdiff::compare {
namespace {

constexpr const char* kCalibrationSlow = "BM_calibration_work_2x";
constexpr const char* kCalibrationFast = "BM_calibration_work_1x";

std::map<std::string, const model::BenchmarkSamples*> by_name(const model::RunRecord& r) {
  std::map<std::string, const model::BenchmarkSamples*> out;
  for (const auto& b : r.benchmarks) out[b.name] = &b;
  return out;
}

model::BenchmarkComparison compare_samples(const std::string& name, const std::string& area,
                                           const std::string& time_kind, const std::string& target_a,
                                           const std::vector<double>& a, const std::string& target_b,
                                           const std::vector<double>& b, std::uint64_t seed,
                                           const BenchOptions& options) {
  model::BenchmarkComparison c;
  c.name = name;
  c.area = area;
  c.time_kind = time_kind;
  // The estimator's argument (compare/estimator.hpp) holds for one thread's CPU time; the spread of
  // threads and child processes is partly scheduling, the libc's own business: the median stays.
  const double q = single_threaded(c) ? options.estimator.quantile : 0.5;
  const auto interval = bootstrap_ratio_of_quantiles(a, b, q, seed);
  c.ratio = interval.ratio;
  c.ci_low = interval.low;
  c.ci_high = interval.high;
  c.p_value = mann_whitney_u_p_value(a, b);
  c.median_ns = {{target_a, median(a)}, {target_b, median(b)}};
  c.cv = {{target_a, coefficient_of_variation(a)}, {target_b, coefficient_of_variation(b)}};
  c.repetitions = {{target_a, static_cast<int>(a.size())}, {target_b, static_cast<int>(b.size())}};
  split_half_check(a, b, q, seed, c);
  const int n_a = static_cast<int>(a.size());
  const int n_b = static_cast<int>(b.size());
  if (q == 0.5 || c.split_half.empty()) {
    c.verdict = verdict(c.ci_low, c.ci_high, c.p_value, n_a, n_b, c.cv[target_a], c.cv[target_b], options);
  } else {
    // The CV rule guards a median against noise spread over the whole sample; a low percentile is
    // chosen to stand apart from that spread, so the CV says little about it. What does: whether
    // the first and the second half of the run give the same ratio. Halves that disagree mean the
    // estimator itself moved during the run.
    c.verdict = c.split_half == "disagree" ? "unreliable"
                                           : verdict(c.ci_low, c.ci_high, c.p_value, n_a, n_b, 0, 0, options);
  }
  if (q != 0.5) c.median_ratio = median(a) / median(b);
  return c;
}

}  // namespace

std::string verdict(double ci_low, double ci_high, double p_value, int n_a, int n_b, double cv_a, double cv_b,
                    const BenchOptions& options) {
  if (n_a < options.min_repetitions || n_b < options.min_repetitions) return "unreliable";
  if (cv_a > options.max_cv || cv_b > options.max_cv) return "unreliable";
  if (p_value < options.alpha && (ci_low > 1 || ci_high < 1)) return ci_low > 1 ? "slower" : "faster";
  return "same";
}

model::BenchmarkSummary compare_benchmark_pair(const model::RunRecord& a, const std::string& label_a,
                                               const model::RunRecord& b, const std::string& label_b,
                                               const BenchOptions& options) {
  model::BenchmarkSummary summary;
  summary.side = label_a;
  summary.reference = label_b;
  if (a.benchmarks.empty() && b.benchmarks.empty()) return summary;
  summary.present = true;
  summary.seed = options.seed;
  summary.estimator = options.estimator.name();
  const auto in_b = by_name(b);
  std::vector<double> ratios;
  std::map<std::string, std::vector<double>> area_ratios;
  std::uint64_t seed = options.seed;
  for (const auto& sa : a.benchmarks) {
    // Allocator variants ("BM_x [mimalloc]") go into the allocator table, not the libc comparison.
    if (sa.area == "calibration" || !split_variant(sa.name).second.empty()) continue;
    const auto it = in_b.find(sa.name);
    if (it == in_b.end() || sa.samples_ns.empty() || it->second->samples_ns.empty()) {
      summary.warnings.push_back(sa.name + " ran on " + label_a + " only");
      continue;
    }
    auto c = compare_samples(sa.name, sa.area, sa.time_kind, label_a, sa.samples_ns, label_b,
                             it->second->samples_ns, seed++, options);
    add_instruction_counts(a, label_a, b, label_b, c);
    ++summary.verdicts[c.verdict];
    if (c.verdict != "unreliable") {
      ratios.push_back(c.ratio);
      area_ratios[c.area].push_back(c.ratio);
    }
    summary.rows.push_back(std::move(c));
  }
  if (!ratios.empty()) summary.geometric_mean_ratio = geometric_mean(ratios);
  for (const auto& [area, r] : area_ratios) summary.area_geometric_mean_ratio[area] = geometric_mean(r);

  // Calibration on the side itself: known factor 2, same statistics (one thread's CPU time; the
  // row has no time_kind of its own in comparison.json).
  const auto in_a = by_name(a);
  if (in_a.count(kCalibrationSlow) && in_a.count(kCalibrationFast)) {
    summary.calibration =
        compare_samples("calibration 2x / 1x", "calibration", "", "2x", in_a.at(kCalibrationSlow)->samples_ns,
                        "1x", in_a.at(kCalibrationFast)->samples_ns, options.seed, options);
    if (summary.calibration.ratio < 1.8 || summary.calibration.ratio > 2.2)
      summary.warnings.push_back(
          fmt::format("calibration ratio is {:.2f}, not 2.0 +- 10%: this machine was too noisy for the "
                      "ratios to be trusted",
                      summary.calibration.ratio));
  } else {
    summary.warnings.push_back("the calibration benchmarks did not run");
  }
  summary.instruction_calibration = instruction_calibration(a);
  if (!a.instructions.empty() && summary.instruction_calibration == 0)
    summary.warnings.push_back("instructions were counted but not for the calibration pair");
  else if (summary.instruction_calibration > 0 && std::abs(summary.instruction_calibration - 2) > 0.0005)
    summary.warnings.push_back(
        fmt::format("the calibration pair is {:.4f} in instructions, not 2.000: the "
                    "instruction counts are not limited to the measured loop",
                    summary.instruction_calibration));
  summarise_precision(summary);
  if (summary.split_half_checked > summary.split_half_agree)
    summary.warnings.push_back(fmt::format(
        "split-half check: in {} of {} benchmarks the first and second half of the repetitions give ratios "
        "whose intervals do not overlap; the machine changed during the run for those rows",
        summary.split_half_checked - summary.split_half_agree, summary.split_half_checked));
  build_allocator_table(a, label_a, b, label_b, summary);

  for (const auto& [r, label] : {std::pair{&a, label_a}, std::pair{&b, label_b}}) {
    const auto& ctx = r->benchmark_context;
    if (const auto it = ctx.find("library_build_type"); it != ctx.end() && it->second != "release")
      summary.warnings.push_back(label + ": the Google Benchmark library is a " + it->second +
                                 " build; timings include its overhead");
    if (const auto it = ctx.find("cpu_scaling_enabled"); it != ctx.end() && it->second == "true")
      summary.warnings.push_back(label + ": CPU frequency scaling is enabled; expect noisier timings");
  }
  int noisy = 0;
  for (const auto& c : summary.rows)
    for (const auto& [target, cv] : c.cv) noisy += cv > options.max_cv ? 1 : 0;
  if (noisy > 0)
    summary.warnings.push_back(fmt::format(
        "{} benchmark sample sets have a coefficient of variation above {:.0f}%{}", noisy,
        options.max_cv * 100,
        options.estimator.quantile == 0.5
            ? ""
            : fmt::format(" (rows whose ratio is of {} are judged by their split-half check instead)",
                          options.estimator.plural())));
  return summary;
}

void compare_benchmarks(const std::vector<model::RunRecord>& records, const BenchOptions& options,
                        model::Comparison& out) {
  std::size_t ref = 0;
  for (std::size_t i = 0; i < out.targets.size(); ++i)
    if (out.targets[i].label == out.reference) ref = i;
  for (std::size_t i = 0; i < records.size() && i < out.targets.size(); ++i) {
    if (i == ref) continue;
    auto pair =
        compare_benchmark_pair(records[i], out.targets[i].label, records[ref], out.reference, options);
    if (pair.present) out.bench.push_back(std::move(pair));
  }
}

void compare_benchmarks(const model::RunRecord& a, const model::RunRecord& b, const BenchOptions& options,
                        model::Comparison& out) {
  auto pair = compare_benchmark_pair(a, a.target, b, b.target, options);
  if (pair.present) out.bench.push_back(std::move(pair));
}

}  // namespace libcdiff::compare
