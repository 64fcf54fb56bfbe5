#include "store/comparison_outputs.hpp"

#include "report/bench_tables.hpp"
#include "report/comparison_json.hpp"
#include "report/html.hpp"
#include "report/junit.hpp"
#include "report/markdown.hpp"
#include "store/atomic_file.hpp"

namespace libcdiff::store {
namespace {

// The forest plot as SVG, or "" when there are no benchmarks or gnuplot is not installed (the HTML
// report then says so and keeps its tables).
std::string forest_plot_svg(const std::filesystem::path& dir, const model::Comparison& comparison,
                            exec::ProcessRunner& runner) {
  if (!comparison.bench.present || comparison.benchmarks.empty()) return "";
  const auto script = dir / "forest.gp";
  const auto svg = dir / "forest.svg";
  write_file_atomically(script, report::forest_plot_gnuplot_script(comparison));
  exec::ProcessSpec spec;
  spec.program = "gnuplot";
  spec.args = {script.string()};
  spec.timeout = std::chrono::seconds(60);
  spec.stdout_path = svg;
  spec.stderr_path = dir / "forest.log";
  if (!runner.run(spec).succeeded()) return "";
  const std::string text = read_file(svg);
  const auto start = text.find("<svg");
  return start == std::string::npos ? "" : text.substr(start);
}

}  // namespace

std::filesystem::path write_comparison_outputs(const std::filesystem::path& dir,
                                               const model::Comparison& comparison,
                                               const model::CaseCatalog& catalog,
                                               exec::ProcessRunner& runner) {
  write_file_atomically(dir / "comparison.json", report::render_comparison_json(comparison));
  write_file_atomically(dir / "junit.xml", report::render_junit(comparison));
  write_file_atomically(dir / "report.html",
                        report::render_html(comparison, catalog, forest_plot_svg(dir, comparison, runner)));
  const auto report_path = dir / "report.md";
  write_file_atomically(report_path, report::render_markdown(comparison, catalog));
  return report_path;
}

}  // namespace libcdiff::store
