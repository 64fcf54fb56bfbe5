// Loads suites/<area>/cases.toml into a CaseCatalog. Malformed metadata is an input error naming
// the file and the entry, never a crash.
#pragma once

#include <filesystem>

#include "model/case_catalog.hpp"

namespace libcdiff::store {

// Every immediate subdirectory of suites_dir with a cases.toml is an area.
model::CaseCatalog load_case_catalog(const std::filesystem::path& suites_dir);

// One file's content; `source` names it in errors.
void add_area_from_toml(model::CaseCatalog& catalog, std::string_view toml_text, const std::string& source);

}  // namespace libcdiff::store
