#include "cli/report_command.hpp"

#include "store/comparison_file.hpp"
#include "store/comparison_outputs.hpp"
#include "store/results_dir.hpp"
#include "ui/summary.hpp"
#include "util/error.hpp"

namespace libcdiff::cli {

int report_command(Context& ctx, const ReportOptions& options) {
  std::filesystem::path input(options.input);
  std::error_code ec;
  if (std::filesystem::is_directory(input, ec)) input /= "comparison.json";
  if (!std::filesystem::exists(input, ec))
    throw input_error(options.input, "holds no comparison.json",
                      "pass a results directory written by 'libcdiff run' or 'libcdiff compare', or its "
                      "comparison.json");
  const auto comparison = store::load_comparison(input);
  std::filesystem::path out_dir = input.parent_path();
  if (out_dir.empty()) out_dir = ".";
  const bool elsewhere = !options.output_dir.empty();
  if (elsewhere) {
    out_dir = options.output_dir;
    store::claim_output_dir(out_dir, options.force);
  }
  // In place the comparison.json stays exactly as it is (a version 1 file is not rewritten);
  // elsewhere it is written in the current schema beside the renders.
  const auto report = store::write_comparison_outputs(out_dir, comparison, elsewhere);
  ctx.out << "libcdiff report: " << input.string() << " (schema version " << comparison.schema_version
          << ") -> " << out_dir.string() << "\n";
  ctx.out << ui::render_summary(comparison, report);
  return 0;
}

}  // namespace libcdiff::cli
