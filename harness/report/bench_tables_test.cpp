#include "report/bench_tables.hpp"

#include <gtest/gtest.h>

#include "report/html.hpp"

namespace libcdiff::report {
namespace {

model::Comparison with_benchmarks() {
  model::Comparison c;
  c.targets = {{"musl", "", {}, {{"size.hello_c_static", 14000}}},
               {"glibc", "", {}, {{"size.hello_c_static", 800000}}}};
  c.bench.present = true;
  c.bench.seed = 7;
  c.bench.geometric_mean_ratio = 1.5;
  c.bench.calibration.ratio = 2.01;
  model::BenchmarkComparison k;
  k.name = "BM_malloc_free_single/64";
  k.area = "malloc";
  k.ratio = 2.5;
  k.ci_low = 2.2;
  k.ci_high = 2.9;
  k.p_value = 0.0001;
  k.verdict = "slower";
  k.median_ns = {{"musl", 25.0}, {"glibc", 10.0}};
  c.benchmarks.push_back(k);
  return c;
}

TEST(BenchTables, MarkdownHasTheComparePyColumns) {
  const std::string md = render_benchmark_markdown(with_benchmarks());
  EXPECT_NE(md.find("| Benchmark | musl | glibc | ratio | 95% CI | p | verdict |"), std::string::npos) << md;
  EXPECT_NE(
      md.find("| `BM_malloc_free_single/64` | 25 ns | 10 ns | 2.500 | [2.200, 2.900] | 0.0001 | slower |"),
      std::string::npos)
      << md;
  EXPECT_NE(md.find("seed 7"), std::string::npos);
}

TEST(BenchTables, JsonKeepsTheContractNames) {
  const auto j = benchmarks_to_json(with_benchmarks());
  for (const char* key : {"name", "area", "ratio", "ci_low", "ci_high", "p_value", "verdict", "median_ns"})
    EXPECT_TRUE(j[0].contains(key)) << key;
  EXPECT_EQ(j[0]["median_ns"]["musl"], 25.0);
}

TEST(BenchTables, FootprintTableShowsSizesPerTarget) {
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

TEST(BenchTables, ForestPlotScriptInlinesItsDataWithoutTextMarkup) {
  const std::string gp = forest_plot_gnuplot_script(with_benchmarks());
  EXPECT_NE(gp.find("set termoption noenhanced"), std::string::npos)
      << "underscores must not become subscripts";
  EXPECT_NE(gp.find("1 2.5 2.2 2.9"), std::string::npos) << gp;
  EXPECT_NE(gp.find("set logscale x"), std::string::npos);
}

TEST(Html, EmbedsThePlotOrSaysWhyNot) {
  const auto c = with_benchmarks();
  EXPECT_NE(render_html(c, {}, "<svg>plot</svg>").find("<svg>plot</svg>"), std::string::npos);
  EXPECT_NE(render_html(c, {}, "").find("gnuplot was not available"), std::string::npos);
  EXPECT_EQ(html_escape("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
}

}  // namespace
}  // namespace libcdiff::report
