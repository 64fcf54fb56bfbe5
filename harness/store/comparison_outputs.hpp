// Writes a comparison's files into a results directory: comparison.json, report.md, junit.xml.
#pragma once

#include <filesystem>

#include "model/case_catalog.hpp"
#include "model/comparison.hpp"

namespace libcdiff::store {

// Returns the path of report.md.
std::filesystem::path write_comparison_outputs(const std::filesystem::path& dir,
                                               const model::Comparison& comparison,
                                               const model::CaseCatalog& catalog);

}  // namespace libcdiff::store
