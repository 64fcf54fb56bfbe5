// run-<target>.json as `libcdiff compare` reads it (users pass records from other machines).
#include "fuzz_input.hpp"
#include "store/run_record_json.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto record =
        libcdiff::store::run_record_from_text(libcdiff::fuzz::as_text(data, size), "fuzz.json");
    // What was read must be writable again: the compare path re-serialises records.
    (void)libcdiff::store::run_record_to_json(record).dump(2, ' ', false,
                                                           nlohmann::json::error_handler_t::replace);
  } catch (const libcdiff::Fatal&) {
  }
  return 0;
}
