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

ordered_json comparison_to_json(const model::Comparison& c) {
  ordered_json j;
  j["schema_version"] = c.schema_version;
  j["kind"] = "libcdiff-comparison";
  j["generated_at"] = c.generated_at;
  j["targets"] = ordered_json::array();
  for (const auto& t : c.targets)
    j["targets"].push_back(
        {{"id", t.id}, {"description", t.description}, {"provenance", provenance_to_json(t.provenance)}});
  ordered_json summary;
  for (const auto& [cls, n] : c.counts()) summary[to_string(cls)] = n;
  summary["failed"] = c.failed_count();
  j["summary"] = summary;
  j["warnings"] = c.warnings;
  if (c.bench.present) {
    j["benchmarks"] = benchmarks_to_json(c);
    const auto& cal = c.bench.calibration;
    j["benchmark_summary"] = {
        {"seed", c.bench.seed},
        {"geometric_mean_ratio", c.bench.geometric_mean_ratio},
        {"verdicts", c.bench.verdicts},
        {"calibration",
         {{"ratio", cal.ratio}, {"ci_low", cal.ci_low}, {"ci_high", cal.ci_high}, {"p_value", cal.p_value}}},
        {"warnings", c.bench.warnings}};
  }
  j["cases"] = ordered_json::array();
  for (const auto& k : c.cases) {
    ordered_json observations = ordered_json::object();
    ordered_json outcomes = ordered_json::object();
    for (const auto& t : c.targets) {
      ordered_json obs = ordered_json::object();
      if (const auto it = k.observations.find(t.id); it != k.observations.end())
        for (const auto& [key, value] : it->second) obs[key] = value;
      observations[t.id] = obs;
      if (const auto it = k.outcomes.find(t.id); it != k.outcomes.end())
        outcomes[t.id] = to_string(it->second);
    }
    j["cases"].push_back({{"id", k.id},
                          {"area", k.area},
                          {"title", k.title},
                          {"class", to_string(k.cls)},
                          {"risk", k.risk},
                          {"references", k.references},
                          {"breaks", k.breaks},
                          {"fix", k.fix},
                          {"note", k.note},
                          {"apis", k.apis},
                          {"reason", k.reason},
                          {"image_difference", k.image_difference},
                          {"differing_keys", k.differing_keys},
                          {"unexpected_keys", k.unexpected_keys},
                          {"failed", k.failed},
                          {"outcomes", outcomes},
                          {"messages", k.messages},
                          {"observations", observations}});
  }
  return j;
}

std::string render_comparison_json(const model::Comparison& c) {
  return comparison_to_json(c).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace libcdiff::report
