// The parts of the benchmark section added for publishable comparisons (issue 16): the precision
// line (achieved interval width, split-half check, instruction calibration), the rows where the wall
// clock and the instruction count disagree and why, and the allocator table. Markdown and HTML.
#pragma once

#include <string>

#include "model/comparison.hpp"

namespace libcdiff::report {

// "Precision: median ±3.1% ..." or "" when the pair has no rows.
std::string precision_text(const model::BenchmarkSummary& pair);

// "±4.2%" of one row, "—" without an interval.
std::string half_width_text(const model::BenchmarkComparison& row);
// "1.234" or "—" when instructions were not counted.
std::string instruction_ratio_text(const model::BenchmarkComparison& row);

std::string metrics_notes_markdown(const model::BenchmarkSummary& pair);
std::string metrics_notes_html(const model::BenchmarkSummary& pair);

std::string allocator_table_markdown(const model::BenchmarkSummary& pair);
std::string allocator_table_html(const model::BenchmarkSummary& pair);

}  // namespace libcdiff::report
