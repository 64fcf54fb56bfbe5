#include "ui/summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace libcdiff::ui {

using model::CaseClass;

namespace {

// Area x compared side: "differences/unexpected/crashes" (crashes include timeouts and errors).
std::string render_matrix(const model::Comparison& c) {
  const auto sides = c.compared_sides();
  if (sides.empty() || c.cases.empty()) return "";
  std::vector<std::string> areas;
  for (const auto& k : c.cases)
    if (std::find(areas.begin(), areas.end(), k.area) == areas.end()) areas.push_back(k.area);
  std::size_t width = 6;
  for (const auto* s : sides) width = std::max(width, s->label.size() + 2);
  std::string out =
      fmt::format("\nper area vs {} (differences/unexpected/crashes):\n  {:<14}", c.reference, "area");
  for (const auto* s : sides) out += fmt::format("{:>{}}", s->label, width);
  out += "\n";
  for (const auto& area : areas) {
    out += fmt::format("  {:<14}", area);
    for (const auto* s : sides) {
      int differences = 0, unexpected = 0, crashes = 0;
      for (const auto& k : c.cases) {
        if (k.area != area) continue;
        const auto v = k.versus.find(s->label);
        if (v == k.versus.end()) continue;
        const auto cls = v->second.cls;
        differences +=
            cls == CaseClass::expected_difference || cls == CaseClass::unexpected_difference ? 1 : 0;
        unexpected += cls == CaseClass::unexpected_difference ? 1 : 0;
        crashes += cls == CaseClass::crash || cls == CaseClass::timeout || cls == CaseClass::error ? 1 : 0;
      }
      out += fmt::format("{:>{}}", fmt::format("{}/{}/{}", differences, unexpected, crashes), width);
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::string render_summary(const model::Comparison& c, const std::filesystem::path& report_path) {
  std::string out;
  const auto counts = c.counts();
  std::string sides;
  for (const auto& t : c.targets) sides += (sides.empty() ? "" : " vs ") + t.label;
  out += fmt::format("\n{} cases compared, {} (reference {}):\n", c.cases.size(), sides, c.reference);
  for (const auto& [cls, n] : counts)
    if (n > 0 || cls == CaseClass::unexpected_difference)
      out += fmt::format("  {:<22} {}\n", to_string(cls), n);
  if (c.failed_count() > 0) out += fmt::format("  {:<22} {}\n", "failed assertions", c.failed_count());
  for (const auto& w : c.warnings) out += "warning: " + w + "\n";
  out += render_matrix(c);
  for (const auto& n : c.policy_notes) out += "policy: " + n + "\n";
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
    // With a policy, what it fails; without, the classes that fail by default.
    const bool problem = !c.policy.empty()
                             ? !k.policy_failure.empty() && k.cls != CaseClass::error
                             : (model::is_problem(k.cls) && k.cls != CaseClass::error) || k.failed;
    if (!problem) continue;
    if (!header) out += "\nNeeds attention:\n";
    header = true;
    out +=
        fmt::format("  {:<22} {}  {}\n", k.failed && k.cls != CaseClass::crash ? "failed" : to_string(k.cls),
                    k.id, k.policy_failure.empty() ? k.reason : k.policy_failure + "; " + k.reason);
  }
  int acknowledged = 0;
  for (const auto& k : c.cases) acknowledged += k.acknowledgement.empty() ? 0 : 1;
  if (acknowledged > 0)
    out += fmt::format("\n{} differences acknowledged in your libcdiff.toml (listed in the report).\n",
                       acknowledged);
  for (const auto& pair : c.bench) {
    if (!pair.present) continue;
    out += fmt::format("\n{} benchmarks compared ({} / {} time ratio), geometric means per area:",
                       pair.rows.size(), pair.side, pair.reference);
    for (const auto& [area, mean] : pair.area_geometric_mean_ratio)
      out += fmt::format(" {} {:.3f}", area, mean);
    if (pair.area_geometric_mean_ratio.empty()) out += " n/a (no reliable benchmark)";
    out += "\n ";
    for (const auto& [verdict, n] : pair.verdicts) out += fmt::format(" {} {},", verdict, n);
    out.pop_back();
    const auto& cal = pair.calibration;
    if (cal.ratio > 0)
      out += fmt::format("\n  calibration (known factor 2): {:.3f} [{:.3f}, {:.3f}]", cal.ratio, cal.ci_low,
                         cal.ci_high);
    if (pair.instruction_calibration > 0)
      out += fmt::format("; in instructions {:.3f}", pair.instruction_calibration);
    if (pair.median_half_width > 0)
      out += fmt::format("\n  precision: median 95% interval ±{:.1f}% (single-threaded rows{})",
                         pair.median_half_width * 100,
                         pair.estimator == "median" ? "" : ", ratios of " + pair.estimator);
    if (pair.split_half_checked > 0)
      out += fmt::format("; split-half check {} of {} agree", pair.split_half_agree, pair.split_half_checked);
    if (!pair.allocator_rows.empty())
      out += fmt::format("\n  allocator table: {} benchmarks under the libc's malloc and {}",
                         pair.allocator_rows.size(), fmt::join(pair.allocators, ", "));
    out += "\n";
    for (const auto& w : pair.warnings) out += "warning: " + w + "\n";
  }
  out += fmt::format("\nReport: {}\n", report_path.string());
  return out;
}

}  // namespace libcdiff::ui
