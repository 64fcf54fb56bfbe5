// Benchmark sections of the reports: a compare.py-style Markdown table, the JSON objects of the
// comparison.json contract, and the gnuplot script for the forest plot.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/comparison.hpp"

namespace libcdiff::report {

std::string render_benchmark_markdown(const model::Comparison& comparison);
// Per target: hello binary sizes (C/C++, static/dynamic), start-up time (posix_spawn benchmarks) and
// the peak RSS of each benchmark binary.
// One row of the footprint table: program sizes, image sizes, start-up times, peak RSS.
struct FootprintRow {
  std::string label;
  std::string a;  // value on the first target, "—" when unknown
  std::string b;
};
std::vector<FootprintRow> footprint_rows(const model::Comparison& comparison);
std::string render_footprint_markdown(const model::Comparison& comparison);
nlohmann::ordered_json benchmarks_to_json(const model::Comparison& comparison);

// Data and script for a forest plot (ratio and CI per benchmark on a log axis) rendered by gnuplot to
// SVG. The data is inlined in the script, so gnuplot needs no other file.
std::string forest_plot_gnuplot_script(const model::Comparison& comparison);

// "1.23 ms", "45.6 ns"
std::string human_time(double ns);

}  // namespace libcdiff::report
