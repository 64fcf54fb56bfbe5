#include "report/bench_tables.hpp"

#include <fmt/format.h>

#include <set>

namespace libcdiff::report {

std::string human_time(double ns) {
  if (ns >= 1e9) return fmt::format("{:.3g} s", ns / 1e9);
  if (ns >= 1e6) return fmt::format("{:.3g} ms", ns / 1e6);
  if (ns >= 1e3) return fmt::format("{:.3g} us", ns / 1e3);
  return fmt::format("{:.3g} ns", ns);
}

std::string render_benchmark_markdown(const model::Comparison& c) {
  if (!c.bench.present || c.targets.size() < 2) return "";
  const std::string a = c.targets[0].id, b = c.targets[1].id;
  std::string out = "## Benchmarks\n\n";
  out += fmt::format(
      "Ratio = median time on `{0}` / median time on `{1}` (above 1: `{0}` is slower), with a 95% bootstrap "
      "confidence interval (seed {2}) and a two-sided Mann-Whitney U p-value, as in Google Benchmark's "
      "compare.py. Targets ran interleaved on this machine; timings never fail a test.\n\n",
      a, b, c.bench.seed);
  const auto& cal = c.bench.calibration;
  if (cal.ratio > 0)
    out += fmt::format("**Calibration** (known factor 2): measured {:.3f} [{:.3f}, {:.3f}], p = {:.2g}.\n\n",
                       cal.ratio, cal.ci_low, cal.ci_high, cal.p_value);
  out += "**Geometric mean of ratios**: " + (c.bench.geometric_mean_ratio > 0
                                                 ? fmt::format("{:.3f}", c.bench.geometric_mean_ratio)
                                                 : std::string("n/a (no reliable benchmark)"));
  for (const auto& [v, n] : c.bench.verdicts) out += fmt::format(" · {} {}", v, n);
  out += "\n\n";
  for (const auto& w : c.bench.warnings) out += "- warning: " + w + "\n";
  if (!c.bench.warnings.empty()) out += "\n";
  out += fmt::format(
      "| Benchmark | {} | {} | ratio | 95% CI | p | verdict |\n|---|---:|---:|---:|---|---:|---|\n", a, b);
  for (const auto& k : c.benchmarks)
    out += fmt::format("| `{}` | {} | {} | {:.3f} | [{:.3f}, {:.3f}] | {:.2g} | {} |\n", k.name,
                       human_time(k.median_ns.at(a)), human_time(k.median_ns.at(b)), k.ratio, k.ci_low,
                       k.ci_high, k.p_value, k.verdict);
  out += "\n";
  return out;
}

std::vector<FootprintRow> footprint_rows(const model::Comparison& c) {
  std::vector<FootprintRow> rows;
  if (c.targets.size() < 2) return rows;
  bool any = false;
  for (const auto& t : c.targets) any |= !t.footprint.empty();
  if (!any) return rows;
  const auto value = [](const model::TargetSummary& t, const std::string& key) {
    const auto it = t.footprint.find(key);
    return it == t.footprint.end() ? std::string("—") : std::to_string(it->second);
  };
  const auto startup = [&](const model::TargetSummary& t, const std::string& name) {
    for (const auto& k : c.benchmarks)
      if (k.name.starts_with(name)) return human_time(k.median_ns.at(t.id));
    return std::string("—");
  };
  const auto add = [&](std::string label, const std::string& key) {
    rows.push_back({std::move(label), value(c.targets[0], key), value(c.targets[1], key)});
  };
  for (const char* program : {"hello_c_static", "hello_c_dynamic", "hello_cxx_static", "hello_cxx_dynamic"})
    add(fmt::format("size of {} (bytes)", program), std::string("size.") + program);
  // Container targets: what the image costs (the size gap is why people move to Alpine at all).
  for (const auto& [key, label] : {std::pair<std::string, std::string>{"image.runtime", "runtime stage"},
                                   {"image.build", "build stage"}}) {
    if (c.targets[0].footprint.count(key) == 0 && c.targets[1].footprint.count(key) == 0) continue;
    add(fmt::format("image size, {} (bytes)", label), key);
  }
  for (const char* b : {"BM_posix_spawn_static_hello", "BM_posix_spawn_dynamic_hello"})
    rows.push_back(
        {fmt::format("start-up: {} (median)", b), startup(c.targets[0], b), startup(c.targets[1], b)});
  std::set<std::string> rss;
  for (const auto& t : c.targets)
    for (const auto& [k, v] : t.footprint)
      if (k.starts_with("peak_rss_kib.")) rss.insert(k);
  for (const auto& k : rss) add(fmt::format("peak RSS of bench_{} (KiB)", k.substr(13)), k);
  return rows;
}

std::string render_footprint_markdown(const model::Comparison& c) {
  const auto rows = footprint_rows(c);
  if (rows.empty()) return "";
  std::string out =
      "## Footprint\n\n| | " + c.targets[0].id + " | " + c.targets[1].id + " |\n|---|---:|---:|\n";
  for (const auto& r : rows) out += fmt::format("| {} | {} | {} |\n", r.label, r.a, r.b);
  return out + "\n";
}

nlohmann::ordered_json benchmarks_to_json(const model::Comparison& c) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& k : c.benchmarks) {
    nlohmann::ordered_json medians = nlohmann::ordered_json::object();
    for (const auto& [t, v] : k.median_ns) medians[t] = v;
    list.push_back({{"name", k.name},
                    {"area", k.area},
                    {"time_kind", k.time_kind},
                    {"ratio", k.ratio},
                    {"ci_low", k.ci_low},
                    {"ci_high", k.ci_high},
                    {"p_value", k.p_value},
                    {"verdict", k.verdict},
                    {"median_ns", medians},
                    {"cv", k.cv},
                    {"repetitions", k.repetitions}});
  }
  return list;
}

std::string forest_plot_gnuplot_script(const model::Comparison& c) {
  const std::string a = c.targets.size() > 0 ? c.targets[0].id : "A";
  const std::string b = c.targets.size() > 1 ? c.targets[1].id : "B";
  const size_t n = c.benchmarks.size();
  std::string out = "set terminal svg size 900," + std::to_string(120 + 18 * n) + " dynamic font 'sans,10'\n";
  out += "set termoption noenhanced\nset logscale x 2\nset grid xtics\nset key off\n";
  out += fmt::format("set xlabel 'time ratio {} / {} (log scale; right of 1: {} slower)'\n", a, b, a);
  out += fmt::format("set yrange [0:{}]\nset ytics (", n + 1);
  for (size_t i = 0; i < n; ++i) out += fmt::format("{}'{}' {}", i ? ", " : "", c.benchmarks[i].name, n - i);
  out += ")\nset arrow from 1, graph 0 to 1, graph 1 nohead dt 2\n";
  out += "$data << EOD\n";
  for (size_t i = 0; i < n; ++i) {
    const auto& k = c.benchmarks[i];
    out += fmt::format("{} {} {} {}\n", n - i, k.ratio, k.ci_low, k.ci_high);
  }
  out += "EOD\nplot $data using 2:1:3:4 with xerrorbars pt 7 ps 0.6\n";
  return out;
}

}  // namespace libcdiff::report
