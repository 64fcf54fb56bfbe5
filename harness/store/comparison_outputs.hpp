// Writes a comparison's files into a results directory: comparison.json, report.md, report.html,
// junit.xml. Every file is a pure function of the comparison, so `libcdiff report` regenerates them
// byte for byte from comparison.json.
#pragma once

#include <filesystem>

#include "model/comparison.hpp"

namespace libcdiff::store {

// Returns the path of report.md. With write_json false, comparison.json is left as it is (the
// `report` command re-renders from it).
std::filesystem::path write_comparison_outputs(const std::filesystem::path& dir,
                                               const model::Comparison& comparison, bool write_json = true);

}  // namespace libcdiff::store
