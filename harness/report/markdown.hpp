// report.md: the migration checklist, the sides and summary, then per area the migration paragraph
// and one table per case with every side's observed values side by side. A pure function of the
// comparison (no catalog, no files).
#pragma once

#include <string>

#include "model/comparison.hpp"

namespace libcdiff::report {

std::string render_markdown(const model::Comparison& comparison);

// Escapes a value for a Markdown table cell ('|', newlines, backticks) and marks empty strings.
std::string markdown_cell(const std::string& value);

}  // namespace libcdiff::report
