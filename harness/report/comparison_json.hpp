// comparison.json: the contract other tools and CI read (issue 2 §6). Names here do not change
// without a schema_version bump.
#pragma once

#include <nlohmann/json.hpp>

#include "model/comparison.hpp"

namespace libcdiff::report {

nlohmann::ordered_json comparison_to_json(const model::Comparison& comparison);
std::string render_comparison_json(const model::Comparison& comparison);

// Provenance as it appears under "targets" in comparison.json.
nlohmann::ordered_json provenance_to_json(const model::Provenance& p);

}  // namespace libcdiff::report
