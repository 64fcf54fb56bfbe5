#include "report/comparison_json.hpp"

#include "report/bench_tables.hpp"

namespace libcdiff::report {

using nlohmann::ordered_json;

ordered_json provenance_to_json(const model::Provenance& p) {
  return {{"libc",
           {{"family", p.libc.family},
            {"version", p.libc.version},
            {"version_source", p.libc.version_source},
            {"path", p.libc.path},
            {"package_version", p.libc.package_version},
            {"link_mode", p.libc.link_mode}}},
          {"compiler", p.compiler},
          {"cxx_library", p.cxx_library},
          {"thread_default_stack_bytes", p.thread_default_stack_bytes},
          {"host", p.host},
          {"dependencies", p.dependencies},
          {"harness_version", p.harness_version}};
}

namespace {

ordered_json allocator_rows_to_json(const std::vector<model::AllocatorRow>& rows) {
  ordered_json list = ordered_json::array();
  for (const auto& r : rows) {
    ordered_json cells = ordered_json::array();
    for (const auto& c : r.cells)
      cells.push_back({{"side", c.side},
                       {"allocator", c.allocator},
                       {"median_ns", c.median_ns},
                       {"peak_rss_kib", c.peak_rss_kib},
                       {"repetitions", c.repetitions}});
    list.push_back({{"name", r.name}, {"area", r.area}, {"cells", cells}});
  }
  return list;
}

ordered_json benchmark_summary_to_json(const model::BenchmarkSummary& b) {
  const auto calibration = benchmark_rows_to_json({b.calibration});
  return {{"side", b.side},
          {"reference", b.reference},
          {"seed", b.seed},
          {"estimator", b.estimator},
          {"geometric_mean_ratio", b.geometric_mean_ratio},
          {"area_geometric_mean_ratio", b.area_geometric_mean_ratio},
          {"verdicts", b.verdicts},
          {"calibration", calibration[0]},
          {"warnings", b.warnings},
          {"rows", benchmark_rows_to_json(b.rows)},
          {"instruction_calibration", b.instruction_calibration},
          {"median_half_width", b.median_half_width},
          {"split_half_agree", b.split_half_agree},
          {"split_half_checked", b.split_half_checked},
          {"allocators", b.allocators},
          {"allocator_rows", allocator_rows_to_json(b.allocator_rows)}};
}

ordered_json sweep_to_json(const model::SweepSummary& s) {
  ordered_json details = ordered_json::array();
  for (const auto& g : s.details) {
    ordered_json parts = ordered_json::array();
    for (const auto& p : g.parts)
      parts.push_back({{"expectation", p.expectation},
                       {"why", p.why},
                       {"keys", p.keys},
                       {"ranges", p.ranges},
                       {"examples", p.examples}});
    details.push_back({{"family", g.family},
                       {"keys", g.keys},
                       {"ranges", g.ranges},
                       {"only_side", g.only_side},
                       {"only_reference", g.only_reference},
                       {"parts", parts}});
  }
  return {{"keys_side", s.keys_side},
          {"keys_reference", s.keys_reference},
          {"same", s.same},
          {"differing", s.differing},
          {"only_side", s.only_side},
          {"only_reference", s.only_reference},
          {"expected", s.expected},
          {"unexpected", s.unexpected},
          {"ranges", s.ranges},
          {"groups", s.groups},
          {"details", details},
          {"full_diff", s.full_diff},
          {"idle_expectations", s.idle_expectations}};
}

ordered_json case_to_json(const model::Comparison& c, const model::CaseComparison& k) {
  ordered_json observations = ordered_json::object();
  ordered_json outcomes = ordered_json::object();
  ordered_json messages = ordered_json::object();
  ordered_json seconds = ordered_json::object();
  ordered_json versus = ordered_json::object();
  // In side order, so the file reads like the report.
  for (const auto& t : c.targets) {
    if (const auto it = k.observations.find(t.label); it != k.observations.end())
      observations[t.label] = it->second;
    if (const auto it = k.outcomes.find(t.label); it != k.outcomes.end())
      outcomes[t.label] = to_string(it->second);
    if (const auto it = k.messages.find(t.label); it != k.messages.end()) messages[t.label] = it->second;
    if (const auto it = k.seconds.find(t.label); it != k.seconds.end()) seconds[t.label] = it->second;
    if (const auto it = k.versus.find(t.label); it != k.versus.end()) {
      versus[t.label] = {{"class", to_string(it->second.cls)},
                         {"reason", it->second.reason},
                         {"differing_keys", it->second.differing_keys},
                         {"unexpected_keys", it->second.unexpected_keys}};
      if (it->second.sweep) versus[t.label]["sweep"] = sweep_to_json(*it->second.sweep);
    }
  }
  ordered_json out = {{"id", k.id},
                      {"area", k.area},
                      {"title", k.title},
                      {"class", to_string(k.cls)},
                      {"risk", k.risk},
                      {"references", k.references},
                      {"breaks", k.breaks},
                      {"fix", k.fix},
                      {"note", k.note},
                      {"apis", k.apis},
                      {"sweep", k.sweep},
                      {"reason", k.reason},
                      {"image_difference", k.image_difference},
                      {"policy_failure", k.policy_failure},
                      {"acknowledgement", k.acknowledgement},
                      {"differing_keys", k.differing_keys},
                      {"unexpected_keys", k.unexpected_keys},
                      {"failed", k.failed},
                      {"versus", versus},
                      {"groups", k.groups},
                      {"outcomes", outcomes},
                      {"messages", messages},
                      {"seconds", seconds},
                      {"observations", observations}};
  if (!k.baseline.empty()) out["baseline"] = k.baseline;                    // only with --baseline
  if (!k.log_difference.empty()) out["log_difference"] = k.log_difference;  // only from `test`
  if (!k.hints.empty()) out["hints"] = k.hints;
  return out;
}

}  // namespace

ordered_json comparison_to_json(const model::Comparison& c) {
  ordered_json j;
  // Always the current version: the layout below is version 2 even for a comparison read from a
  // version 1 file (`libcdiff report FILE -o DIR`), whose schema_version says what was read.
  j["schema_version"] = model::kComparisonSchemaVersion;
  j["kind"] = "libcdiff-comparison";
  j["generated_at"] = c.generated_at;
  j["reference"] = c.reference;
  j["targets"] = ordered_json::array();
  for (const auto& t : c.targets)
    j["targets"].push_back({{"label", t.label},
                            {"id", t.id},
                            {"description", t.description},
                            {"started_at", t.started_at},
                            {"provenance", provenance_to_json(t.provenance)},
                            {"footprint", t.footprint}});
  ordered_json summary;
  for (const auto& [cls, n] : c.counts()) summary[to_string(cls)] = n;
  summary["failed"] = c.failed_count();
  j["summary"] = summary;
  j["policy"] = c.policy;
  j["policy_notes"] = c.policy_notes;
  if (!c.baseline.empty()) j["baseline"] = c.baseline;
  j["warnings"] = c.warnings;
  j["areas"] = ordered_json::array();
  for (const auto& a : c.areas)
    j["areas"].push_back({{"area", a.area}, {"title", a.title}, {"migration", a.migration}});
  j["benchmarks"] = ordered_json::array();
  for (const auto& b : c.bench)
    if (b.present) j["benchmarks"].push_back(benchmark_summary_to_json(b));
  j["cases"] = ordered_json::array();
  for (const auto& k : c.cases) j["cases"].push_back(case_to_json(c, k));
  return j;
}

std::string render_comparison_json(const model::Comparison& c) {
  return comparison_to_json(c).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace libcdiff::report
