// The parts of the benchmark section added for publishable comparisons (issue 16): the precision
// line (achieved interval width, split-half check, instruction calibration), the rows where the wall
// clock and the instruction count disagree and why, and the allocator table. Markdown and HTML.
#pragma once

#include <string>

#include "model/comparison.hpp"

namespace libcdiff::report {

// "Precision: median ±3.1% ..." or "" when the pair has no rows; with an estimator other than the
// median it says which, and how often the ratio of medians falls outside the interval.
std::string precision_text(const model::BenchmarkSummary& pair);

// What the ratios of `c` divide, as an adjective: "median" or "10th-percentile".
std::string ratio_statistic(const model::Comparison& c);

// The rows whose ratio of medians falls outside the interval of the chosen estimator (a machine
// whose slow state changes the ratio), or "" with the median estimator or no such row.
std::string median_ratio_notes_markdown(const model::BenchmarkSummary& pair);
std::string median_ratio_notes_html(const model::BenchmarkSummary& pair);

// "±4.2%" of one row, "—" without an interval.
std::string half_width_text(const model::BenchmarkComparison& row);
// "1.234" or "—" when instructions were not counted.
std::string instruction_ratio_text(const model::BenchmarkComparison& row);

std::string metrics_notes_markdown(const model::BenchmarkSummary& pair);
std::string metrics_notes_html(const model::BenchmarkSummary& pair);

std::string allocator_table_markdown(const model::BenchmarkSummary& pair);
std::string allocator_table_html(const model::BenchmarkSummary& pair);

}  // namespace libcdiff::report
