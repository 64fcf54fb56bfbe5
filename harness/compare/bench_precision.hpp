// How precise a benchmark ratio is (DESIGN §6): the relative half-width of its 95% interval, the
// rows adaptive rounds must still repeat, and the split-half check (the first and the second half of
// the repetitions measured separately: a machine that drifted during the run shows as halves whose
// intervals do not overlap).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "model/comparison.hpp"
#include "model/run_record.hpp"

namespace libcdiff::compare {

// (ci_high - ci_low) / 2 / ratio; 0 for a row without an interval.
double relative_half_width(const model::BenchmarkComparison& row);

// The rows the precision target covers: benchmarks timed by one thread's CPU time.
bool single_threaded(const model::BenchmarkComparison& row);

// Names of the single-threaded benchmarks (no allocator variant) whose ratio of `quantile`s against
// `reference`, in any other record, is wider than +-target (relative half-width) or fails the
// split-half check: the rows adaptive rounds repeat.
std::set<std::string> imprecise_benchmarks(const std::vector<const model::RunRecord*>& sides,
                                           const model::RunRecord& reference, double target, double quantile,
                                           std::uint64_t seed);

// Fills first_half_ratio, second_half_ratio and split_half of `row` from the two sample sets (in
// the order they were taken), with the ratio of `quantile`s; fewer than 6 repetitions on a side
// leave split_half empty.
void split_half_check(const std::vector<double>& side, const std::vector<double>& reference, double quantile,
                      std::uint64_t seed, model::BenchmarkComparison& row);

// Median relative half-width of the single-threaded rows, and the split-half tallies, into summary.
void summarise_precision(model::BenchmarkSummary& summary);

}  // namespace libcdiff::compare
