// suites/<area>/cases.toml: case metadata and expectations (version ranges included).
#include "fuzz_input.hpp"
#include "model/case_catalog.hpp"
#include "store/case_catalog_toml.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  libcdiff::model::CaseCatalog catalog;
  try {
    libcdiff::store::add_area_from_toml(catalog, libcdiff::fuzz::as_text(data, size), "fuzz.toml");
    // Expectations are evaluated against versions later: exercise that path on what was read.
    for (const auto& [id, meta] : catalog.cases)
      for (const auto& e : meta.expectations) (void)e.applies_to("musl", "1.2.5");
  } catch (const libcdiff::Fatal&) {
  }
  return 0;
}
