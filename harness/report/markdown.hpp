// report.md: a summary, then per area the migration paragraph and one table per case with both
// targets' observed values side by side.
#pragma once

#include <string>

#include "model/case_catalog.hpp"
#include "model/comparison.hpp"

namespace libcdiff::report {

std::string render_markdown(const model::Comparison& comparison, const model::CaseCatalog& catalog);

// Escapes a value for a Markdown table cell ('|', newlines, backticks) and marks empty strings.
std::string markdown_cell(const std::string& value);

}  // namespace libcdiff::report
