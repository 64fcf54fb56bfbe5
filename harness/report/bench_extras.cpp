#include "report/bench_extras.hpp"

#include <fmt/format.h>

#include "compare/bench_precision.hpp"
#include "compare/estimator.hpp"
#include "report/bench_tables.hpp"
#include "report/html.hpp"

namespace libcdiff::report {
namespace {

std::string cell_time(const model::AllocatorCell& cell) {
  return cell.median_ns > 0 ? human_time(cell.median_ns) : "—";
}

std::string cell_rss(const model::AllocatorCell& cell) {
  return cell.peak_rss_kib > 0 ? fmt::format("{:.1f} MiB", cell.peak_rss_kib / 1024.0) : "—";
}

// The cell of the same side under the libc's own malloc, for the relative figure.
const model::AllocatorCell* libc_cell(const model::AllocatorRow& row, const std::string& side) {
  for (const auto& c : row.cells)
    if (c.side == side && c.allocator == "libc") return &c;
  return nullptr;
}

std::string relative(const model::AllocatorRow& row, const model::AllocatorCell& cell) {
  const auto* own = libc_cell(row, cell.side);
  if (cell.allocator == "libc" || own == nullptr || own->median_ns <= 0 || cell.median_ns <= 0) return "";
  return fmt::format(" (×{:.2f})", cell.median_ns / own->median_ns);
}

}  // namespace

std::string half_width_text(const model::BenchmarkComparison& row) {
  const double w = compare::relative_half_width(row);
  return w > 0 ? fmt::format("±{:.1f}%", w * 100) : "—";
}

std::string instruction_ratio_text(const model::BenchmarkComparison& row) {
  return row.instruction_ratio > 0 ? fmt::format("{:.3f}", row.instruction_ratio) : "—";
}

std::string precision_text(const model::BenchmarkSummary& pair) {
  if (pair.rows.empty()) return "";
  std::string out;
  if (const auto e = compare::estimator_from_name(pair.estimator); e && e->quantile != 0.5) {
    int outside = 0, compared = 0;
    for (const auto& row : pair.rows) {
      if (row.median_ratio <= 0) continue;
      ++compared;
      outside += row.median_ratio < row.ci_low || row.median_ratio > row.ci_high ? 1 : 0;
    }
    out += fmt::format(
        "Estimator: each ratio divides the {} of the two sides' samples (--estimator {}), the cost on the "
        "machine's undisturbed state (rows timed in real time, threads and child processes, keep the "
        "median); the time columns are medians. ",
        e->plural(), e->name());
    if (compared > 0)
      out += fmt::format("The ratio of medians falls outside the 95% interval in {} of {} rows{}. ", outside,
                         compared, outside > 0 ? ": the machine's slower state changes those ratios" : "");
  }
  if (pair.median_half_width > 0)
    out += fmt::format(
        "Precision: the median 95% interval of the single-threaded ratios is ±{:.1f}% of the ratio. ",
        pair.median_half_width * 100);
  if (pair.split_half_checked > 0)
    out += fmt::format(
        "Split-half check: {} of {} benchmarks give overlapping intervals from the first and the "
        "second half of their repetitions. ",
        pair.split_half_agree, pair.split_half_checked);
  if (pair.instruction_calibration > 0)
    out += fmt::format("Instructions (valgrind, per iteration): calibration pair {:.3f}. ",
                       pair.instruction_calibration);
  return out;
}

std::string ratio_statistic(const model::Comparison& c) {
  for (const auto& pair : c.bench)
    if (pair.present)
      if (const auto e = compare::estimator_from_name(pair.estimator); e && e->quantile != 0.5)
        return fmt::format("{}-percentile", e->plural().substr(0, e->plural().find(' ')));
  return "median";
}

namespace {

std::vector<const model::BenchmarkComparison*> median_outside(const model::BenchmarkSummary& pair) {
  std::vector<const model::BenchmarkComparison*> out;
  for (const auto& row : pair.rows)
    if (row.median_ratio > 0 && (row.median_ratio < row.ci_low || row.median_ratio > row.ci_high))
      out.push_back(&row);
  return out;
}

}  // namespace

std::string median_ratio_notes_markdown(const model::BenchmarkSummary& pair) {
  const auto rows = median_outside(pair);
  if (rows.empty()) return "";
  std::string out = "#### Where the ratio of medians differs\n\n";
  for (const auto* row : rows)
    out += fmt::format("- `{}`: {:.3f} [{:.3f}, {:.3f}], ratio of medians {:.3f}.\n", row->name, row->ratio,
                       row->ci_low, row->ci_high, row->median_ratio);
  return out + "\n";
}

std::string median_ratio_notes_html(const model::BenchmarkSummary& pair) {
  const auto rows = median_outside(pair);
  if (rows.empty()) return "";
  std::string out = "<h4>Where the ratio of medians differs</h4><ul>";
  for (const auto* row : rows)
    out += fmt::format("<li><code>{}</code>: {:.3f} [{:.3f}, {:.3f}], ratio of medians {:.3f}.</li>",
                       html_escape(row->name), row->ratio, row->ci_low, row->ci_high, row->median_ratio);
  return out + "</ul>";
}

std::string metrics_notes_markdown(const model::BenchmarkSummary& pair) {
  std::string out;
  for (const auto& row : pair.rows)
    if (!row.metrics_note.empty()) out += fmt::format("- `{}`: {}.\n", row.name, row.metrics_note);
  if (out.empty()) return "";
  return "#### Where time and instructions disagree\n\n" + out + "\n";
}

std::string metrics_notes_html(const model::BenchmarkSummary& pair) {
  std::string out;
  for (const auto& row : pair.rows)
    if (!row.metrics_note.empty())
      out +=
          fmt::format("<li><code>{}</code>: {}.</li>", html_escape(row.name), html_escape(row.metrics_note));
  if (out.empty()) return "";
  return "<h4>Where time and instructions disagree</h4><ul>" + out + "</ul>";
}

std::string allocator_table_markdown(const model::BenchmarkSummary& pair) {
  if (pair.allocator_rows.empty()) return "";
  const auto& first = pair.allocator_rows.front().cells;
  std::string out = fmt::format(
      "#### Allocators\n\nThe allocation benchmarks and workloads under each libc's own malloc and under {}, "
      "preloaded (LD_PRELOAD) and built for each libc by setup from Debian's sources. Each cell: median "
      "time (× the same libc's own malloc) / peak RSS of a process that ran only that benchmark.\n\n| "
      "Benchmark |",
      fmt::join(pair.allocators, " and "));
  std::string rule = "|---|";
  for (const auto& c : first) {
    out += fmt::format(" {} + {} |", c.side, c.allocator);
    rule += "---:|";
  }
  out += "\n" + rule + "\n";
  for (const auto& row : pair.allocator_rows) {
    out += fmt::format("| `{}` |", row.name);
    for (const auto& c : row.cells)
      out += fmt::format(" {}{} / {} |", cell_time(c), relative(row, c), cell_rss(c));
    out += "\n";
  }
  return out + "\n";
}

std::string allocator_table_html(const model::BenchmarkSummary& pair) {
  if (pair.allocator_rows.empty()) return "";
  std::string out = fmt::format(
      "<h4 id=\"allocators\">Allocators</h4><p>Each libc's own malloc against {}, preloaded and built for "
      "each libc from Debian's sources. Median time (× the same libc's own malloc) and peak RSS of a "
      "process that ran only that benchmark.</p><table><tr><th>benchmark</th>",
      html_escape(fmt::format("{}", fmt::join(pair.allocators, " and "))));
  for (const auto& c : pair.allocator_rows.front().cells)
    out += fmt::format("<th>{} + {}</th>", html_escape(c.side), html_escape(c.allocator));
  out += "</tr>";
  for (const auto& row : pair.allocator_rows) {
    out += fmt::format("<tr><td><code>{}</code></td>", html_escape(row.name));
    for (const auto& c : row.cells)
      out += fmt::format("<td class=num>{}{}<br><small>{}</small></td>", cell_time(c), relative(row, c),
                         cell_rss(c));
    out += "</tr>";
  }
  return out + "</table>";
}

}  // namespace libcdiff::report
