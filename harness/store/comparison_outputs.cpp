#include "store/comparison_outputs.hpp"

#include "report/comparison_json.hpp"
#include "report/junit.hpp"
#include "report/markdown.hpp"
#include "store/atomic_file.hpp"

namespace libcdiff::store {

std::filesystem::path write_comparison_outputs(const std::filesystem::path& dir,
                                               const model::Comparison& comparison,
                                               const model::CaseCatalog& catalog) {
  write_file_atomically(dir / "comparison.json", report::render_comparison_json(comparison));
  write_file_atomically(dir / "junit.xml", report::render_junit(comparison));
  const auto report_path = dir / "report.md";
  write_file_atomically(report_path, report::render_markdown(comparison, catalog));
  return report_path;
}

}  // namespace libcdiff::store
