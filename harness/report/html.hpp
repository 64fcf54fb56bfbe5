// report.html: one self-contained file (inline CSS and SVG, no external resources) with the same
// content as report.md: the checklist, the sides, the summary, the benchmark forest plots and
// tables, the footprint, and every case with every side's observations side by side. A pure
// function of the comparison.
#pragma once

#include <string>

#include "model/comparison.hpp"

namespace libcdiff::report {

std::string render_html(const model::Comparison& comparison);

std::string html_escape(const std::string& text);

}  // namespace libcdiff::report
