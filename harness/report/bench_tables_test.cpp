#include "report/bench_tables.hpp"

#include <gtest/gtest.h>

#include "report/html.hpp"

namespace libcdiff::report {
namespace {

model::TargetSummary side(const std::string& label, std::map<std::string, long long> footprint) {
  model::TargetSummary t;
  t.label = t.id = label;
  t.footprint = std::move(footprint);
  t.provenance.host = {{"cpu", "AMD EPYC"}, {"cores", "2"}};
  return t;
}

model::Comparison with_benchmarks() {
  model::Comparison c;
  c.targets = {side("musl", {{"size.hello_c_static", 14000}}),
               side("glibc", {{"size.hello_c_static", 800000}})};
  c.reference = "glibc";
  model::BenchmarkSummary pair;
  pair.present = true;
  pair.side = "musl";
  pair.reference = "glibc";
  pair.seed = 7;
  pair.geometric_mean_ratio = 1.5;
  pair.area_geometric_mean_ratio = {{"malloc", 2.5}};
  pair.calibration.ratio = 2.01;
  model::BenchmarkComparison k;
  k.name = "BM_malloc_free_single/64";
  k.area = "malloc";
  k.description = "malloc+free of 64 bytes: allocator fast path";
  k.ratio = 2.5;
  k.ci_low = 2.2;
  k.ci_high = 2.9;
  k.p_value = 0.0001;
  k.verdict = "slower";
  k.median_ns = {{"musl", 25.0}, {"glibc", 10.0}};
  k.cv = {{"musl", 0.01}, {"glibc", 0.02}};
  pair.rows.push_back(k);
  k.name = "BM_noisy";
  k.verdict = "unreliable";
  k.cv = {{"musl", 0.31}, {"glibc", 0.02}};
  pair.rows.push_back(k);
  c.bench.push_back(pair);
  return c;
}

TEST(BenchTables, MarkdownHasTheComparePyColumnsAndWhatEachMeasures) {
  const std::string md = render_benchmark_markdown(with_benchmarks());
  EXPECT_NE(md.find("| Benchmark | musl | glibc | ratio | 95% CI | p | instructions ratio | verdict | what "
                    "it measures |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| `BM_malloc_free_single/64` | 25 ns | 10 ns | 2.500 | [2.200, 2.900] ±14.0% | 0.0001 | "
                    "— | slower | "
                    "malloc+free of 64 bytes: allocator fast path |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("seed 7"), std::string::npos);
}

TEST(BenchTables, UnreliableRowsAreMarkedWithTheirVariation) {
  const std::string md = render_benchmark_markdown(with_benchmarks());
  EXPECT_NE(md.find("| *2.500* |"), std::string::npos) << md;
  EXPECT_NE(md.find("**unreliable (CV 31%)**"), std::string::npos) << md;
  const std::string svg = forest_plot_svg(with_benchmarks().bench[0]);
  EXPECT_NE(svg.find("stroke-dasharray=\"3 2\""), std::string::npos) << "drawn differently in the plot";
}

TEST(BenchTables, PerAreaMeansAndTheHardwareCaveat) {
  const std::string md = render_benchmark_markdown(with_benchmarks());
  EXPECT_NE(md.find("malloc 2.500"), std::string::npos) << md;
  EXPECT_NE(md.find("CPU: AMD EPYC (2 cores). Verdicts hold for this hardware"), std::string::npos) << md;
}

TEST(BenchTables, JsonKeepsTheContractNames) {
  const auto j = benchmark_rows_to_json(with_benchmarks().bench[0].rows);
  for (const char* key :
       {"name", "area", "description", "ratio", "ci_low", "ci_high", "p_value", "verdict", "median_ns"})
    EXPECT_TRUE(j[0].contains(key)) << key;
  EXPECT_EQ(j[0]["median_ns"]["musl"], 25.0);
}

TEST(BenchTables, FootprintTableShowsSizesPerSide) {
  const std::string md = render_footprint_markdown(with_benchmarks());
  EXPECT_NE(md.find("| size of hello_c_static (bytes) | 14000 | 800000 |"), std::string::npos) << md;
}

TEST(BenchTables, FootprintTableShowsImageSizesOfContainerTargets) {
  auto c = with_benchmarks();
  EXPECT_EQ(render_footprint_markdown(c).find("image size"), std::string::npos);
  c.targets[1].footprint["image.runtime"] = 2888775;
  c.targets[1].footprint["image.build"] = 400000000;
  const std::string md = render_footprint_markdown(c);
  EXPECT_NE(md.find("| image size, runtime stage (bytes) | — | 2888775 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| image size, build stage (bytes) | — | 400000000 |"), std::string::npos) << md;
}

TEST(BenchTables, ForestPlotIsAnSvgOnALogAxisWithOneRowPerBenchmark) {
  const std::string svg = forest_plot_svg(with_benchmarks().bench[0]);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find(">BM_malloc_free_single/64</text>"), std::string::npos);
  EXPECT_NE(svg.find(">BM_noisy</text>"), std::string::npos);
  EXPECT_NE(svg.find("log scale"), std::string::npos);
  EXPECT_EQ(forest_plot_svg({}), "") << "no rows, no plot";
}

TEST(Html, EmbedsOnePlotPerComparedSide) {
  const auto html = render_html(with_benchmarks());
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("<tr class=unreliable>"), std::string::npos);
  EXPECT_EQ(html_escape("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
}

}  // namespace
}  // namespace libcdiff::report
