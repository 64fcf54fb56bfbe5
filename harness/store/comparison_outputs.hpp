// Writes a comparison's files into a results directory: comparison.json, report.md, report.html,
// junit.xml; runs gnuplot (through `runner`, when installed) for the benchmark forest plot.
#pragma once

#include <filesystem>

#include "exec/process_runner.hpp"
#include "model/case_catalog.hpp"
#include "model/comparison.hpp"

namespace libcdiff::store {

// Returns the path of report.md.
std::filesystem::path write_comparison_outputs(const std::filesystem::path& dir,
                                               const model::Comparison& comparison,
                                               const model::CaseCatalog& catalog,
                                               exec::ProcessRunner& runner);

}  // namespace libcdiff::store
