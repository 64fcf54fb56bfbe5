// Golden files for every exporter (issue 10): a comparison with three sides, a reference, groups,
// benchmarks, a policy and an acknowledgement renders to exactly the bytes under
// testing/data/golden/; and what the JSON exporter wrote reads back into the same renders.
// After an intended change of the output, regenerate with LIBCDIFF_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>

#include "report/comparison_json.hpp"
#include "report/html.hpp"
#include "report/junit.hpp"
#include "report/markdown.hpp"
#include "store/comparison_file.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::report {
namespace {

const std::filesystem::path kGolden = LIBCDIFF_TESTDATA "/golden";

model::TargetSummary side(const std::string& label, const std::string& id, const std::string& family,
                          const std::string& version) {
  model::TargetSummary t;
  t.label = label;
  t.id = id;
  t.description = family + " " + version;
  t.started_at = "2026-11-30T08:00:00Z";
  t.provenance.libc.family = family;
  t.provenance.libc.version = version;
  t.provenance.libc.link_mode = "dynamic";
  t.provenance.compiler = "clang 16.0.6";
  t.provenance.cxx_library = "libc++ 160006";
  t.provenance.thread_default_stack_bytes = family == "musl" ? 131072 : 8388608;
  t.provenance.host = {{"cpu", "AMD EPYC"}, {"cores", "2"}};
  t.footprint = {{"size.hello_c_static", family == "musl" ? 13736 : 770504}};
  return t;
}

model::CaseComparison strcoll() {
  model::CaseComparison k;
  k.id = "Locale.StrcollCodepointOrder";
  k.area = "locale";
  k.title = "strcoll in a UTF-8 locale";
  k.breaks = "Sorted output differs | even with a pipe";
  k.risk = "high";
  k.references = {"https://git.musl-libc.org/cgit/musl/tree/src/locale/strcoll.c"};
  k.fix = "Collate with ICU.";
  k.note = "A <note> with markup to escape & \"quotes\".";
  k.apis = {"strcoll", "setlocale"};
  k.cls = model::CaseClass::expected_difference;
  k.reason = "musl: strcoll is strcmp";
  k.differing_keys = {"strcoll_a_B"};
  k.versus = {
      {"musl", {model::CaseClass::expected_difference, "musl: strcoll is strcmp", {"strcoll_a_B"}, {}}},
      {"musl@old", {model::CaseClass::expected_difference, "musl: strcoll is strcmp", {"strcoll_a_B"}, {}}}};
  k.groups = {{"musl", "musl@old"}, {"glibc"}};
  for (const char* s : {"musl", "musl@old", "glibc"}) {
    k.outcomes[s] = model::Outcome::pass;
    k.seconds[s] = 0.002;
  }
  k.observations = {{"musl", {{"strcoll_a_B", ">0"}}},
                    {"musl@old", {{"strcoll_a_B", ">0"}}},
                    {"glibc", {{"strcoll_a_B", "<0"}}}};
  return k;
}

model::CaseComparison crash() {
  model::CaseComparison k;
  k.id = "Threads.DeepRecursion";
  k.area = "threads";
  k.title = "deep recursion in a thread";
  k.risk = "medium";
  k.cls = model::CaseClass::crash;
  k.reason = "musl@old: SIGSEGV";
  k.acknowledgement = "we raise the stack size (until 2027-03-01)";
  k.versus = {{"musl", {model::CaseClass::same, "", {}, {}}},
              {"musl@old", {model::CaseClass::crash, "musl@old: SIGSEGV", {}, {}}}};
  k.groups = {{"musl", "glibc"}, {"musl@old"}};
  k.outcomes = {
      {"musl", model::Outcome::pass}, {"musl@old", model::Outcome::crash}, {"glibc", model::Outcome::pass}};
  k.messages = {{"musl@old", "SIGSEGV (signal 11)"}};
  k.observations = {{"musl", {}}, {"musl@old", {}}, {"glibc", {}}};
  return k;
}

model::CaseComparison unexpected() {
  model::CaseComparison k;
  k.id = "Stdio.PrintfNan";
  k.area = "stdio";
  k.title = "printf of a NaN's sign";
  k.risk = "low";
  k.cls = model::CaseClass::unexpected_difference;
  k.reason = "musl: no expectation covers: nan_sign";
  k.policy_failure = "fails: unexpected-difference";
  k.differing_keys = {"nan_sign"};
  k.unexpected_keys = {"nan_sign"};
  k.versus = {{"musl",
               {model::CaseClass::unexpected_difference,
                "no expectation covers: nan_sign",
                {"nan_sign"},
                {"nan_sign"}}},
              {"musl@old", {model::CaseClass::same, "", {}, {}}}};
  k.groups = {{"musl"}, {"musl@old", "glibc"}};
  for (const char* s : {"musl", "musl@old", "glibc"}) k.outcomes[s] = model::Outcome::pass;
  k.observations = {{"musl", {{"nan_sign", "nan"}}},
                    {"musl@old", {{"nan_sign", "-nan"}}},
                    {"glibc", {{"nan_sign", "-nan"}}}};
  return k;
}

model::Comparison golden_comparison() {
  model::Comparison c;
  c.generated_at = "2026-11-30T09:00:00Z";
  c.targets = {side("musl", "musl", "musl", "1.2.5"), side("musl@old", "musl-1.2.3", "musl", "1.2.3"),
               side("glibc", "glibc", "glibc", "2.36")};
  c.reference = "glibc";
  c.areas = {{"locale", "Locale", "Collation and character classes differ."},
             {"stdio", "Formatted I/O", ""},
             {"threads", "Threads", "musl's thread stacks are 128 KiB."}};
  c.cases = {strcoll(), unexpected(), crash()};
  c.warnings = {"musl@old: a warning with <markup>"};
  c.policy = "unexpected";
  c.policy_notes = {
      "Locale.Gone: stale acknowledgement (libcdiff.toml:4: acknowledge #2): the case did not differ"};
  model::BenchmarkSummary b;
  b.present = true;
  b.side = "musl";
  b.reference = "glibc";
  b.seed = 20261126;
  b.geometric_mean_ratio = 1.5;
  b.area_geometric_mean_ratio = {{"malloc", 2.25}};
  b.verdicts = {{"slower", 1}, {"unreliable", 1}};
  b.calibration = {"calibration 2x / 1x",
                   "calibration",
                   "cpu",
                   "",
                   2.01,
                   1.98,
                   2.04,
                   0.0001,
                   "slower",
                   {{"2x", 20.0}, {"1x", 10.0}},
                   {{"2x", 0.01}, {"1x", 0.01}},
                   {{"2x", 9}, {"1x", 9}}};
  b.rows = {{"BM_malloc_free_single/64",
             "malloc",
             "cpu",
             "malloc+free of 64 bytes: the allocator's fast path",
             2.25,
             2.1,
             2.4,
             0.0002,
             "slower",
             {{"musl", 22.5}, {"glibc", 10.0}},
             {{"musl", 0.02}, {"glibc", 0.03}},
             {{"musl", 9}, {"glibc", 9}}},
            {"BM_noisy/1",
             "malloc",
             "real",
             "",
             0.8,
             0.3,
             2.9,
             0.4,
             "unreliable",
             {{"musl", 8.0}, {"glibc", 10.0}},
             {{"musl", 0.41}, {"glibc", 0.03}},
             {{"musl", 9}, {"glibc", 9}}}};
  c.bench = {b};
  return c;
}

void check_golden(const std::string& name, const std::string& actual) {
  const auto path = kGolden / name;
  if (std::getenv("LIBCDIFF_UPDATE_GOLDEN") != nullptr) {
    std::filesystem::create_directories(path.parent_path());
    libcdiff::testing::write_text(path, actual);
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing: run with LIBCDIFF_UPDATE_GOLDEN=1";
  EXPECT_EQ(actual, libcdiff::testing::read_text(path))
      << name << " differs from its golden file; if the change is intended, regenerate with "
      << "LIBCDIFF_UPDATE_GOLDEN=1 and review the diff";
}

TEST(Golden, EveryExporterMatchesItsGoldenFile) {
  const auto c = golden_comparison();
  check_golden("three_sides/comparison.json", render_comparison_json(c));
  check_golden("three_sides/report.md", render_markdown(c));
  check_golden("three_sides/report.html", render_html(c));
  check_golden("three_sides/junit.xml", render_junit(c));
}

TEST(Golden, ComparisonJsonReadsBackIntoTheSameBytes) {
  const auto original = golden_comparison();
  const auto json = render_comparison_json(original);
  const auto read = store::comparison_from_text(json, "golden");
  EXPECT_EQ(render_comparison_json(read), json);
  EXPECT_EQ(render_markdown(read), render_markdown(original));
  EXPECT_EQ(render_html(read), render_html(original));
  EXPECT_EQ(render_junit(read), render_junit(original));
}

// The published comparison (schema version 1, written before N sides) still renders, and its
// renders are pinned too, so a change of the reader shows up here.
TEST(Golden, ThePublishedVersionOneComparisonStillRenders) {
  const auto c = store::load_comparison(std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "results" / "published" /
                                        "2026-11-26_musl-1.2.5_vs_glibc-2.36" / "comparison.json");
  EXPECT_EQ(c.schema_version, 1);
  EXPECT_EQ(c.reference, "glibc");
  EXPECT_EQ(c.cases.size(), 126u);
  check_golden("published_v1/report.md", render_markdown(c));
  check_golden("published_v1/junit.xml", render_junit(c));
}

}  // namespace
}  // namespace libcdiff::report
