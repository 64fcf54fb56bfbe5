// The console's closing summary of a comparison: counts per class, unexpected differences first,
// then where the full report is.
#pragma once

#include <filesystem>
#include <string>

#include "model/comparison.hpp"

namespace libcdiff::ui {

std::string render_summary(const model::Comparison& comparison, const std::filesystem::path& report_path);

}  // namespace libcdiff::ui
