// suites/<area>/sweeps.toml: sweep metadata and expectations (ranges, globs, predicates, version
// ranges), then every expectation read is applied to a few keys, as a diff would.
#include "fuzz_input.hpp"
#include "store/sweep_catalog_toml.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace libcdiff::sweep;
  SweepCatalog catalog;
  try {
    libcdiff::store::add_sweeps_from_toml(catalog, libcdiff::fuzz::as_text(data, size), "fuzz.toml", "fuzz");
  } catch (const libcdiff::Fatal&) {
    return 0;
  }
  for (const auto& [id, meta] : catalog.sweeps) {
    const SweepClassifier c(meta.expectations, {"musl", "1.2.5", "", ""}, {"glibc", "2.36", "", ""});
    for (const char* key :
         {"wcwidth U+1F900", "errno -3", "a b c", "x", "symbol strlcpy", "f 0xFFFFFFFFFFFFFFFF"}) {
      const KeyParts parts = split_key(key);
      (void)c.classify(parts, "1", "-1");
      (void)c.classify(parts, std::nullopt, "2");
    }
  }
  return 0;
}
