// Benchmark comparison (DESIGN §6): per benchmark the medians, the ratio A/B with a bootstrap 95% CI,
// the Mann-Whitney U p-value and a verdict; the geometric mean over all; the calibration pair; and
// warnings about the measurement itself. Compute only: report/ renders it.
#pragma once

#include <cstdint>

#include "compare/estimator.hpp"
#include "model/comparison.hpp"
#include "model/run_record.hpp"

namespace libcdiff::compare {

struct BenchOptions {
  std::uint64_t seed = 20261126;
  int min_repetitions = 5;  // fewer: "unreliable"
  double max_cv = 0.25;     // a noisier side: "unreliable"
  double alpha = 0.05;
  Estimator estimator;  // what each ratio divides (compare/estimator.hpp)
};

// One side's benchmarks against the reference's; ratios are side / reference.
model::BenchmarkSummary compare_benchmark_pair(const model::RunRecord& side, const std::string& side_label,
                                               const model::RunRecord& reference,
                                               const std::string& reference_label,
                                               const BenchOptions& options);

// Every side of `out` but the reference against it; records are in the order of out.targets.
void compare_benchmarks(const std::vector<model::RunRecord>& records, const BenchOptions& options,
                        model::Comparison& out);

// a against b, labelled by target id (tests and two-record callers).
void compare_benchmarks(const model::RunRecord& a, const model::RunRecord& b, const BenchOptions& options,
                        model::Comparison& out);

// faster | slower | same | unreliable, from the statistics of one benchmark.
std::string verdict(double ci_low, double ci_high, double p_value, int n_a, int n_b, double cv_a, double cv_b,
                    const BenchOptions& options);

}  // namespace libcdiff::compare
