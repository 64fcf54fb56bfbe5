// Reads docker/local/image-differences.toml (model::ImageDifference) into the case catalog.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "model/case_catalog.hpp"

namespace libcdiff::store {

// Throws Fatal naming `source` for invalid TOML, missing fields, or a case the catalog does not know
// (a stale entry would silently label nothing).
void add_image_differences_from_toml(model::CaseCatalog& catalog, std::string_view toml_text,
                                     const std::string& source);
// Adds the file's entries when it exists.
void load_image_differences(model::CaseCatalog& catalog, const std::filesystem::path& path);

}  // namespace libcdiff::store
