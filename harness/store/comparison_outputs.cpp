#include "store/comparison_outputs.hpp"

#include "report/comparison_json.hpp"
#include "report/html.hpp"
#include "report/junit.hpp"
#include "report/markdown.hpp"
#include "store/atomic_file.hpp"

namespace libcdiff::store {

std::filesystem::path write_comparison_outputs(const std::filesystem::path& dir,
                                               const model::Comparison& comparison, bool write_json) {
  if (write_json) write_file_atomically(dir / "comparison.json", report::render_comparison_json(comparison));
  write_file_atomically(dir / "junit.xml", report::render_junit(comparison));
  write_file_atomically(dir / "report.html", report::render_html(comparison));
  const auto report_path = dir / "report.md";
  write_file_atomically(report_path, report::render_markdown(comparison));
  return report_path;
}

}  // namespace libcdiff::store
