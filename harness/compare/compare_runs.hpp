// Compares two run records case by case into a Comparison (compute only; report/ renders it).
#pragma once

#include "model/case_catalog.hpp"
#include "model/comparison.hpp"
#include "model/run_record.hpp"

namespace libcdiff::compare {

model::Comparison compare_runs(const model::RunRecord& a, const model::RunRecord& b,
                               const model::CaseCatalog& catalog, const std::string& generated_at);

}  // namespace libcdiff::compare
