#include "compare/bench_precision.hpp"

#include <map>

#include "collect/instruction_counter.hpp"
#include "compare/statistics.hpp"

namespace libcdiff::compare {

double relative_half_width(const model::BenchmarkComparison& row) {
  if (row.ratio <= 0 || row.ci_high < row.ci_low) return 0;
  return (row.ci_high - row.ci_low) / 2 / row.ratio;
}

bool single_threaded(const model::BenchmarkComparison& row) {
  return row.time_kind != "real" && collect::countable_benchmark(row.name);
}

std::set<std::string> imprecise_benchmarks(const std::vector<const model::RunRecord*>& sides,
                                           const model::RunRecord& reference, double target, double quantile,
                                           std::uint64_t seed) {
  std::map<std::string, const model::BenchmarkSamples*> in_reference;
  for (const auto& b : reference.benchmarks) in_reference[b.name] = &b;
  std::set<std::string> out;
  for (const auto* side : sides) {
    for (const auto& b : side->benchmarks) {
      const auto ref = in_reference.find(b.name);
      if (ref == in_reference.end() || b.samples_ns.size() < 2 || ref->second->samples_ns.size() < 2)
        continue;
      if (b.area == "calibration" || b.name.find(" [") != std::string::npos) continue;
      model::BenchmarkComparison row;
      row.name = b.name;
      row.time_kind = b.time_kind;
      if (!single_threaded(row)) continue;
      const auto interval =
          bootstrap_ratio_of_quantiles(b.samples_ns, ref->second->samples_ns, quantile, seed, 1000);
      row.ratio = interval.ratio;
      row.ci_low = interval.low;
      row.ci_high = interval.high;
      if (relative_half_width(row) > target) out.insert(b.name);
      // Narrow but moving: the two halves of the run disagree. More rounds may show a state the
      // first ones missed, and the budget bounds a row that keeps drifting.
      split_half_check(b.samples_ns, ref->second->samples_ns, quantile, seed, row);
      if (row.split_half == "disagree") out.insert(b.name);
    }
  }
  return out;
}

void split_half_check(const std::vector<double>& side, const std::vector<double>& reference, double quantile,
                      std::uint64_t seed, model::BenchmarkComparison& row) {
  if (side.size() < 6 || reference.size() < 6) return;
  const auto half = [](const std::vector<double>& v, bool first) {
    const auto middle = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    return first ? std::vector<double>(v.begin(), middle) : std::vector<double>(middle, v.end());
  };
  const auto a = bootstrap_ratio_of_quantiles(half(side, true), half(reference, true), quantile, seed, 1000);
  const auto b =
      bootstrap_ratio_of_quantiles(half(side, false), half(reference, false), quantile, seed + 1, 1000);
  row.first_half_ratio = a.ratio;
  row.second_half_ratio = b.ratio;
  row.split_half = a.high >= b.low && b.high >= a.low ? "agree" : "disagree";
}

void summarise_precision(model::BenchmarkSummary& summary) {
  std::vector<double> widths;
  for (const auto& row : summary.rows) {
    if (single_threaded(row) && row.ratio > 0) widths.push_back(relative_half_width(row));
    if (row.split_half.empty()) continue;
    ++summary.split_half_checked;
    if (row.split_half == "agree") ++summary.split_half_agree;
  }
  if (!widths.empty()) summary.median_half_width = median(widths);
}

}  // namespace libcdiff::compare
