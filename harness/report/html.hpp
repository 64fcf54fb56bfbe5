// report.html: one self-contained file (inline CSS and SVG, no external resources) with the targets,
// the summary, the benchmark forest plot and tables, the footprint, and every case with both
// targets' observations side by side.
#pragma once

#include <string>

#include "model/case_catalog.hpp"
#include "model/comparison.hpp"

namespace libcdiff::report {

// forest_svg: gnuplot's SVG of the forest plot, or "" when gnuplot was not available (the report then
// says so and keeps the tables).
std::string render_html(const model::Comparison& comparison, const model::CaseCatalog& catalog,
                        const std::string& forest_svg);

std::string html_escape(const std::string& text);

}  // namespace libcdiff::report
