// comparison.json as `libcdiff report` reads it (a file from another machine or an older libcdiff,
// schema versions 1 and 2), then rendered to every file `report` writes from it.
#include "fuzz_input.hpp"
#include "report/comparison_json.hpp"
#include "report/html.hpp"
#include "report/junit.hpp"
#include "report/markdown.hpp"
#include "store/comparison_file.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto comparison =
        libcdiff::store::comparison_from_text(libcdiff::fuzz::as_text(data, size), "fuzz.json");
    // The renderers trust what the reader accepted: a shape it lets through must render.
    (void)libcdiff::report::render_comparison_json(comparison);
    (void)libcdiff::report::render_markdown(comparison);
    (void)libcdiff::report::render_html(comparison);
    (void)libcdiff::report::render_junit(comparison);
  } catch (const libcdiff::Fatal&) {
  }
  return 0;
}
