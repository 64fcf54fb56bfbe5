// Benchmark sections of the reports: per compared side a compare.py-style table against the
// reference, per-area geometric means, the footprint table, the JSON objects of the comparison.json
// contract, and the forest plot as SVG. Pure functions of the comparison.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/comparison.hpp"

namespace libcdiff::report {

std::string render_benchmark_markdown(const model::Comparison& comparison);

// One row of the footprint table: program sizes, image sizes, start-up times, peak RSS.
struct FootprintRow {
  std::string label;
  std::vector<std::string> values;  // per side, in comparison order; "—" when unknown
};
std::vector<FootprintRow> footprint_rows(const model::Comparison& comparison);
std::string render_footprint_markdown(const model::Comparison& comparison);

nlohmann::ordered_json benchmark_rows_to_json(const std::vector<model::BenchmarkComparison>& rows);

// The forest plot of one side against the reference: ratio and 95% CI per benchmark on a log axis,
// unreliable rows hollow and grey. A self-contained <svg> element.
std::string forest_plot_svg(const model::BenchmarkSummary& pair);

// Unreliable rows show their coefficient of variation: "unreliable (CV 31%)".
std::string verdict_text(const model::BenchmarkComparison& row);

// "CPU: AMD EPYC (2 cores)" from the reference side's provenance, for the hardware caveat.
std::string cpu_line(const model::Comparison& comparison);

// "1.23 ms", "45.6 ns"
std::string human_time(double ns);

}  // namespace libcdiff::report
