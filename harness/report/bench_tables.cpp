#include "report/bench_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "report/bench_extras.hpp"
#include "report/html.hpp"

namespace libcdiff::report {
namespace {

std::string median_of(const model::BenchmarkComparison& k, const std::string& label) {
  const auto it = k.median_ns.find(label);
  return it == k.median_ns.end() ? "—" : human_time(it->second);
}

std::string area_means(const model::BenchmarkSummary& pair) {
  std::string out;
  for (const auto& [area, mean] : pair.area_geometric_mean_ratio)
    out += fmt::format("{}{} {:.3f}", out.empty() ? "" : " · ", area, mean);
  return out.empty() ? "n/a (no reliable benchmark)" : out;
}

std::string rows_markdown(const model::BenchmarkSummary& pair,
                          const std::vector<model::BenchmarkComparison>& rows) {
  std::string out = fmt::format(
      "| Benchmark | {} | {} | ratio | 95% CI | p | instructions ratio | verdict | what it measures |\n"
      "|---|---:|---:|---:|---|---:|---:|---|---|\n",
      pair.side, pair.reference);
  for (const auto& k : rows) {
    const bool unreliable = k.verdict == "unreliable";
    out += fmt::format("| `{}` | {} | {} | {}{:.3f}{} | [{:.3f}, {:.3f}] {} | {:.2g} | {} | {} | {} |\n",
                       k.name, median_of(k, pair.side), median_of(k, pair.reference), unreliable ? "*" : "",
                       k.ratio, unreliable ? "*" : "", k.ci_low, k.ci_high, half_width_text(k), k.p_value,
                       instruction_ratio_text(k),
                       unreliable ? "**" + verdict_text(k) + "**" : verdict_text(k), k.description);
  }
  return out + "\n";
}

}  // namespace

std::string human_time(double ns) {
  if (ns >= 1e9) return fmt::format("{:.3g} s", ns / 1e9);
  if (ns >= 1e6) return fmt::format("{:.3g} ms", ns / 1e6);
  if (ns >= 1e3) return fmt::format("{:.3g} us", ns / 1e3);
  return fmt::format("{:.3g} ns", ns);
}

std::string verdict_text(const model::BenchmarkComparison& row) {
  if (row.verdict != "unreliable") return row.verdict;
  if (row.median_ratio > 0 && row.split_half == "disagree") return "unreliable (halves disagree)";
  double worst = 0;
  for (const auto& [label, cv] : row.cv) worst = std::max(worst, cv);
  return fmt::format("unreliable (CV {:.0f}%)", worst * 100);
}

std::string cpu_line(const model::Comparison& c) {
  const auto* ref = c.side(c.reference);
  if (ref == nullptr && !c.targets.empty()) ref = &c.targets.front();
  if (ref == nullptr) return "CPU: unknown";
  const auto& host = ref->provenance.host;
  const auto cpu = host.find("cpu");
  const auto cores = host.find("cores");
  return fmt::format("CPU: {}{}", cpu == host.end() || cpu->second.empty() ? "unknown" : cpu->second,
                     cores == host.end() ? "" : " (" + cores->second + " cores)");
}

std::string render_benchmark_markdown(const model::Comparison& c) {
  if (!c.has_benchmarks()) return "";
  std::string out = "## Benchmarks\n\n";
  out += fmt::format(
      "Ratio = {} time on the side / {} time on the reference `{}` (above 1: the side is "
      "slower), with a 95% bootstrap confidence interval and a two-sided Mann-Whitney U p-value, as in "
      "Google Benchmark's compare.py. Targets ran interleaved on one machine; timings never fail a "
      "test. **{}. Verdicts hold for this hardware**: string and memory functions in particular depend "
      "on the CPU's vector units, and a ratio measured here may not reproduce on another CPU.\n\n",
      ratio_statistic(c), ratio_statistic(c), c.reference, cpu_line(c));
  for (const auto& pair : c.bench) {
    if (!pair.present) continue;
    out += fmt::format("### `{}` vs `{}`\n\n", pair.side, pair.reference);
    out += fmt::format("Bootstrap seed {}. ", pair.seed);
    const auto& cal = pair.calibration;
    if (cal.ratio > 0)
      out += fmt::format("**Calibration** (known factor 2): measured {:.3f} [{:.3f}, {:.3f}], p = {:.2g}. ",
                         cal.ratio, cal.ci_low, cal.ci_high, cal.p_value);
    out += "**Geometric mean of ratios per area** (reliable rows only): " + area_means(pair) + ". Verdicts:";
    for (const auto& [v, n] : pair.verdicts) out += fmt::format(" {} {},", v, n);
    if (out.back() == ',') out.back() = '.';
    out += "\n\n";
    if (const auto precision = precision_text(pair); !precision.empty()) out += precision + "\n\n";
    for (const auto& w : pair.warnings) out += "- warning: " + w + "\n";
    if (!pair.warnings.empty()) out += "\n";
    std::vector<model::BenchmarkComparison> micro, workloads;
    for (const auto& k : pair.rows) (k.area == "workloads" ? workloads : micro).push_back(k);
    if (!micro.empty()) out += rows_markdown(pair, micro);
    if (!workloads.empty()) out += "#### Workloads\n\n" + rows_markdown(pair, workloads);
    out += median_ratio_notes_markdown(pair);
    out += metrics_notes_markdown(pair);
    out += allocator_table_markdown(pair);
  }
  out += fmt::format(
      "Ratios in *italics* are unreliable: too few repetitions or a coefficient of variation above "
      "the limit{}; do not quote them.\n\n",
      ratio_statistic(c) == "median" ? "" : " (for a ratio of percentiles: halves of the run that disagree)");
  return out;
}

std::vector<FootprintRow> footprint_rows(const model::Comparison& c) {
  std::vector<FootprintRow> rows;
  if (c.targets.size() < 2) return rows;
  bool any = false;
  for (const auto& t : c.targets) any |= !t.footprint.empty();
  if (!any) return rows;
  const auto add = [&](std::string label, const std::string& key) {
    FootprintRow row{std::move(label), {}};
    bool known = false;
    for (const auto& t : c.targets) {
      const auto it = t.footprint.find(key);
      known |= it != t.footprint.end();
      row.values.push_back(it == t.footprint.end() ? "—" : std::to_string(it->second));
    }
    return std::make_pair(row, known);
  };
  for (const char* program : {"hello_c_static", "hello_c_dynamic", "hello_cxx_static", "hello_cxx_dynamic"})
    rows.push_back(add(fmt::format("size of {} (bytes)", program), std::string("size.") + program).first);
  // Container targets: what the image costs (the size gap is why people move to Alpine at all).
  for (const auto& [key, label] : {std::pair<std::string, std::string>{"image.runtime", "runtime stage"},
                                   {"image.build", "build stage"}})
    if (auto [row, known] = add(fmt::format("image size, {} (bytes)", label), key); known)
      rows.push_back(std::move(row));
  for (const char* b : {"BM_posix_spawn_static_hello", "BM_posix_spawn_dynamic_hello"}) {
    FootprintRow row{fmt::format("start-up: {} (median)", b), {}};
    for (const auto& t : c.targets) {
      std::string value = "—";
      for (const auto& pair : c.bench)
        for (const auto& k : pair.rows)
          if (k.name.starts_with(b) && k.median_ns.count(t.label))
            value = human_time(k.median_ns.at(t.label));
      row.values.push_back(value);
    }
    rows.push_back(std::move(row));
  }
  std::set<std::string> rss;
  for (const auto& t : c.targets)
    for (const auto& [k, v] : t.footprint)
      // Per-benchmark figures (isolated areas, allocator variants) are in the allocator table.
      if (k.starts_with("peak_rss_kib.") && !k.starts_with("peak_rss_kib.BM_")) rss.insert(k);
  for (const auto& k : rss)
    rows.push_back(add(fmt::format("peak RSS of bench_{} (KiB)", k.substr(13)), k).first);
  return rows;
}

std::string render_footprint_markdown(const model::Comparison& c) {
  const auto rows = footprint_rows(c);
  if (rows.empty()) return "";
  std::string out = "## Footprint\n\n|";
  std::string rule = "|---|";
  for (const auto& t : c.targets) {
    out += " | `" + t.label + "`";
    rule += "---:|";
  }
  out += " |\n" + rule + "\n";
  for (const auto& r : rows) {
    out += "| " + r.label;
    for (const auto& v : r.values) out += " | " + v;
    out += " |\n";
  }
  return out + "\n";
}

nlohmann::ordered_json benchmark_rows_to_json(const std::vector<model::BenchmarkComparison>& rows) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& k : rows)
    list.push_back({{"name", k.name},
                    {"area", k.area},
                    {"time_kind", k.time_kind},
                    {"description", k.description},
                    {"ratio", k.ratio},
                    {"ci_low", k.ci_low},
                    {"ci_high", k.ci_high},
                    {"p_value", k.p_value},
                    {"verdict", k.verdict},
                    {"median_ns", k.median_ns},
                    {"cv", k.cv},
                    {"repetitions", k.repetitions},
                    {"instructions", k.instructions},
                    {"syscalls", k.syscalls},
                    {"instruction_ratio", k.instruction_ratio},
                    {"metrics_note", k.metrics_note},
                    {"first_half_ratio", k.first_half_ratio},
                    {"second_half_ratio", k.second_half_ratio},
                    {"split_half", k.split_half},
                    {"median_ratio", k.median_ratio}});
  return list;
}

std::string forest_plot_svg(const model::BenchmarkSummary& pair) {
  const auto& rows = pair.rows;
  if (rows.empty()) return "";
  // A log2 axis wide enough for every interval, in whole powers of two around 1.
  double lo = 1, hi = 1;
  for (const auto& k : rows) {
    if (k.ci_low > 0) lo = std::min(lo, k.ci_low);
    if (k.ci_high > 0) hi = std::max(hi, k.ci_high);
    if (k.ratio > 0) lo = std::min(lo, k.ratio), hi = std::max(hi, k.ratio);
  }
  const int e_lo = static_cast<int>(std::floor(std::log2(lo)));
  const int e_hi = std::max(e_lo + 1, static_cast<int>(std::ceil(std::log2(hi))));
  constexpr int kLabel = 330, kPlot = 520, kRow = 16, kTop = 30;
  const int height = kTop + kRow * static_cast<int>(rows.size()) + 50;
  const auto x = [&](double v) {
    const double e = std::clamp(std::log2(v > 0 ? v : std::exp2(e_lo)), double(e_lo), double(e_hi));
    return kLabel + (e - e_lo) / (e_hi - e_lo) * kPlot;
  };
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" font-family=\"sans-serif\" "
      "font-size=\"11\" role=\"img\"><title>time ratio {} / {} per benchmark, 95% CI</title>",
      kLabel + kPlot + 20, height, html_escape(pair.side), html_escape(pair.reference));
  for (int e = e_lo; e <= e_hi; ++e) {
    const double px = x(std::exp2(e));
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"{3}\" {4}/>"
        "<text x=\"{0:.1f}\" y=\"{5}\" text-anchor=\"middle\">{6}</text>",
        px, kTop - 10, height - 35, e == 0 ? "#444" : "#ddd", e == 0 ? "stroke-dasharray=\"4 3\"" : "",
        height - 22, e >= 0 ? fmt::format("{}", std::exp2(e)) : fmt::format("1/{}", std::exp2(-e)));
  }
  out += fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">time ratio {} / {} (log scale; right of 1: {} slower; "
      "hollow grey: unreliable)</text>",
      kLabel + kPlot / 2, height - 6, html_escape(pair.side), html_escape(pair.reference),
      html_escape(pair.side));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& k = rows[i];
    const int y = kTop + kRow * static_cast<int>(i) + kRow / 2;
    const bool unreliable = k.verdict == "unreliable";
    const char* colour = unreliable ? "#999" : k.verdict == "same" ? "#333" : "#b35900";
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{}\">{}</text>"
        "<line x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"{}\"{}/>"
        "<circle cx=\"{:.1f}\" cy=\"{}\" r=\"3.5\" fill=\"{}\" stroke=\"{}\"/>",
        kLabel - 8, y + 4, unreliable ? "#999" : "#222", html_escape(k.name), x(k.ci_low), y, x(k.ci_high), y,
        colour, unreliable ? " stroke-dasharray=\"3 2\"" : "", x(k.ratio), y, unreliable ? "white" : colour,
        colour);
  }
  return out + "</svg>";
}

}  // namespace libcdiff::report
