// Reading comparison.json back (issue 10): every schema version from 1 to the current one, so the
// files under results/published/ and those of older runs keep rendering. Version 1 (two targets,
// keyed by target id, the second the reference) is lifted into the current model; a newer version
// or a damaged file is refused in one line naming the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "model/comparison.hpp"

namespace libcdiff::store {

// Observations are capped when collected; a comparison of many sides stays far below this.
inline constexpr std::uintmax_t kMaxComparisonBytes = std::uintmax_t{256} << 20;

model::Comparison comparison_from_text(const std::string& text, const std::string& source);
model::Comparison load_comparison(const std::filesystem::path& path);

}  // namespace libcdiff::store
