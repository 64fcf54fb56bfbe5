// Which per-side statistic a benchmark ratio divides (`--estimator`). DESIGN §6 names the median;
// a low quantile is the option for machines whose noise is one-sided and comes in bursts.
//
// Why a low quantile is a fair estimator of a libc's cost, not a way to quiet a report: each sample
// is already the mean of thousands of iterations (0.04 s or more), so what the libc itself does now
// and then (an mmap, a lock hand-off, a slow path) is averaged inside every sample. What differs
// between samples is the machine: another tenant, an interrupt, a slower second. That noise only
// ever adds time, so the fast end of the samples is the cost with the least of it (the argument of
// Chen & Revels, "Robust benchmarking in noisy environments", 2016, for the minimum). The minimum
// itself is a bad bootstrap target (an extreme order statistic); the 10th percentile is not.
// The argument is about one thread's CPU time: rows timed in real time (threads, child processes)
// keep the median whatever the choice, since their spread is partly the libc's scheduling.
#pragma once

#include <optional>
#include <string>

namespace libcdiff::compare {

struct Estimator {
  double quantile = 0.5;  // 0.5: the median
  // "median", or "p<N>" for the N-th percentile.
  std::string name() const;
  // "medians" / "10th percentiles", for sentences ("ratio of ...").
  std::string plural() const;
};

// "median" (or "p50") and "p1" .. "p50"; nothing for any other text.
std::optional<Estimator> estimator_from_name(const std::string& text);

// The same for the command line: throws a usage error naming --estimator otherwise. Upper quantiles
// are refused: they measure the noise, not the libc.
Estimator parse_estimator(const std::string& text);

}  // namespace libcdiff::compare
