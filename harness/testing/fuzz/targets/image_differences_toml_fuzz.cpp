// docker/local/image-differences.toml: what an offline image lacks, per target and case.
#include "fuzz_input.hpp"
#include "model/case_catalog.hpp"
#include "store/image_differences_toml.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  libcdiff::model::CaseCatalog catalog;
  try {
    libcdiff::store::add_image_differences_from_toml(catalog, libcdiff::fuzz::as_text(data, size),
                                                     "fuzz.toml");
  } catch (const libcdiff::Fatal&) {
  }
  return 0;
}
