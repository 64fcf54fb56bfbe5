#include "ui/summary.hpp"

#include <fmt/format.h>

#include <map>

namespace libcdiff::ui {

using model::CaseClass;

std::string render_summary(const model::Comparison& c, const std::filesystem::path& report_path) {
  std::string out;
  const auto counts = c.counts();
  const std::string a = c.targets.size() > 0 ? c.targets[0].id : "?";
  const std::string b = c.targets.size() > 1 ? c.targets[1].id : "?";
  out += fmt::format("\n{} cases compared, {} vs {}:\n", c.cases.size(), a, b);
  for (const auto& [cls, n] : counts)
    if (n > 0 || cls == CaseClass::unexpected_difference)
      out += fmt::format("  {:<22} {}\n", to_string(cls), n);
  if (c.failed_count() > 0) out += fmt::format("  {:<22} {}\n", "failed assertions", c.failed_count());
  for (const auto& w : c.warnings) out += "warning: " + w + "\n";
  bool header = false;
  // Errors come per suite, not per case: one line per reason, with its area and case count.
  std::map<std::string, std::pair<std::string, int>> errors;  // reason -> (area, cases)
  for (const auto& k : c.cases)
    if (k.cls == CaseClass::error) {
      auto& [area, n] = errors[k.reason];
      area = k.area;
      ++n;
    }
  for (const auto& [reason, where] : errors) {
    if (!header) out += "\nNeeds attention:\n";
    header = true;
    out += fmt::format("  {:<22} {} ({} cases)  {}\n", "error", where.first, where.second, reason);
  }
  for (const auto& k : c.cases) {
    const bool problem = (model::is_problem(k.cls) && k.cls != CaseClass::error) || k.failed;
    if (!problem) continue;
    if (!header) out += "\nNeeds attention:\n";
    header = true;
    out += fmt::format("  {:<22} {}  {}\n",
                       k.failed && k.cls != CaseClass::crash ? "failed" : to_string(k.cls), k.id, k.reason);
  }
  if (c.bench.present) {
    out += fmt::format("\n{} benchmarks compared ({} / {} time ratio): geometric mean {}",
                       c.benchmarks.size(), a, b,
                       c.bench.geometric_mean_ratio > 0 ? fmt::format("{:.3f}", c.bench.geometric_mean_ratio)
                                                        : std::string("n/a (no reliable benchmark)"));
    for (const auto& [verdict, n] : c.bench.verdicts) out += fmt::format(", {} {}", verdict, n);
    const auto& cal = c.bench.calibration;
    if (cal.ratio > 0)
      out += fmt::format("\ncalibration (known factor 2): {:.3f} [{:.3f}, {:.3f}]", cal.ratio, cal.ci_low,
                         cal.ci_high);
    out += "\n";
    for (const auto& w : c.bench.warnings) out += "warning: " + w + "\n";
  }
  out += fmt::format("\nReport: {}\n", report_path.string());
  return out;
}

}  // namespace libcdiff::ui
