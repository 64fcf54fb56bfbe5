#include "store/comparison_file.hpp"

#include <nlohmann/json.hpp>

#include "compare/estimator.hpp"
#include "store/run_record_json.hpp"
#include "util/error.hpp"
#include "util/file_text.hpp"

namespace libcdiff::store {
namespace {

using nlohmann::json;

template <typename T>
T get_or(const json& j, const char* key, T fallback) {
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? fallback : it->get<T>();
}

std::map<std::string, int> int_map(const json& j, const char* key) {
  std::map<std::string, int> out;
  if (const auto it = j.find(key); it != j.end() && !it->is_null())
    for (const auto& [k, v] : it->items()) {
      if (!v.is_number_integer()) throw std::invalid_argument(std::string(key) + " values must be integers");
      out[k] = static_cast<int>(v.get<long long>());
    }
  return out;
}

// An integer field: nlohmann casts a float out of range (1e300) to an integer with undefined
// behaviour, so only integers are read.
long long whole_or(const json& j, const char* key, long long fallback) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_number_integer()) throw std::invalid_argument(std::string(key) + " must be an integer");
  return it->get<long long>();
}

// The bootstrap seed: a non-negative integer. nlohmann converts any number to an integer type with a
// plain cast, undefined for a float out of range ("seed": 1e300), so anything else is refused.
std::uint64_t seed_or_zero(const json& j) {
  const auto it = j.find("seed");
  if (it == j.end() || it->is_null()) return 0;
  if (!it->is_number_unsigned()) throw std::invalid_argument("seed must be a non-negative integer");
  return it->get<std::uint64_t>();
}

model::BenchmarkComparison benchmark_row(const json& b) {
  model::BenchmarkComparison k;
  k.name = get_or<std::string>(b, "name", "");
  k.area = get_or<std::string>(b, "area", "");
  k.time_kind = get_or<std::string>(b, "time_kind", "");
  k.description = get_or<std::string>(b, "description", "");
  k.ratio = get_or<double>(b, "ratio", 0);
  k.ci_low = get_or<double>(b, "ci_low", 0);
  k.ci_high = get_or<double>(b, "ci_high", 0);
  k.p_value = get_or<double>(b, "p_value", 1);
  k.verdict = get_or<std::string>(b, "verdict", "");
  k.median_ns = get_or<std::map<std::string, double>>(b, "median_ns", {});
  k.cv = get_or<std::map<std::string, double>>(b, "cv", {});
  k.repetitions = int_map(b, "repetitions");
  k.instructions = get_or<std::map<std::string, double>>(b, "instructions", {});
  k.syscalls = get_or<std::map<std::string, double>>(b, "syscalls", {});
  k.instruction_ratio = get_or<double>(b, "instruction_ratio", 0);
  k.metrics_note = get_or<std::string>(b, "metrics_note", "");
  k.first_half_ratio = get_or<double>(b, "first_half_ratio", 0);
  k.second_half_ratio = get_or<double>(b, "second_half_ratio", 0);
  k.split_half = get_or<std::string>(b, "split_half", "");
  k.median_ratio = get_or<double>(b, "median_ratio", 0);
  return k;
}

void read_case_common(const json& k, model::CaseComparison& out) {
  out.id = k.at("id").get<std::string>();
  out.area = get_or<std::string>(k, "area", "");
  out.title = get_or<std::string>(k, "title", "");
  out.cls = model::case_class_from_string(k.at("class").get<std::string>());
  out.risk = get_or<std::string>(k, "risk", "");
  out.references = get_or<std::vector<std::string>>(k, "references", {});
  out.breaks = get_or<std::string>(k, "breaks", "");
  out.fix = get_or<std::string>(k, "fix", "");
  out.note = get_or<std::string>(k, "note", "");
  out.apis = get_or<std::vector<std::string>>(k, "apis", {});
  out.reason = get_or<std::string>(k, "reason", "");
  out.image_difference = get_or<std::string>(k, "image_difference", "");
  out.log_difference = get_or<std::string>(k, "log_difference", "");
  out.hints = get_or<std::vector<std::string>>(k, "hints", {});
  out.differing_keys = get_or<std::vector<std::string>>(k, "differing_keys", {});
  out.unexpected_keys = get_or<std::vector<std::string>>(k, "unexpected_keys", {});
  out.failed = get_or<bool>(k, "failed", false);
  out.messages = get_or<std::map<std::string, std::string>>(k, "messages", {});
  out.observations = get_or<std::map<std::string, model::Observations>>(k, "observations", {});
  for (const auto& [label, outcome] : get_or<std::map<std::string, std::string>>(k, "outcomes", {}))
    out.outcomes[label] = model::outcome_from_string(outcome);
}

// Version 1 kept no groups: sides with equal outcome and observations, in side order.
void derive_groups(const model::Comparison& c, model::CaseComparison& k) {
  for (const auto& t : c.targets) {
    const auto outcome = k.outcomes.find(t.label);
    if (outcome == k.outcomes.end()) continue;
    const auto& obs = k.observations[t.label];
    bool placed = false;
    for (auto& g : k.groups)
      if (k.outcomes.at(g.front()) == outcome->second && k.observations[g.front()] == obs) {
        g.push_back(t.label);
        placed = true;
        break;
      }
    if (!placed) k.groups.push_back({t.label});
  }
  // Empty observation maps were only filled to compare: keep the model as the file had it.
  for (auto it = k.observations.begin(); it != k.observations.end();)
    it = it->second.empty() && k.outcomes.count(it->first) == 0 ? k.observations.erase(it) : std::next(it);
}

model::Comparison read_v1(const json& j) {
  model::Comparison c;
  c.schema_version = 1;
  c.generated_at = get_or<std::string>(j, "generated_at", "");
  for (const auto& t : j.at("targets")) {
    model::TargetSummary side;
    side.id = t.at("id").get<std::string>();
    side.label = side.id;
    side.description = get_or<std::string>(t, "description", "");
    if (t.contains("provenance")) side.provenance = provenance_from_json(t.at("provenance"));
    c.targets.push_back(std::move(side));
  }
  if (c.targets.size() != 2) throw std::invalid_argument("a version 1 comparison has exactly two targets");
  // Version 1 compared A (left) against B (right): ratios were A / B.
  c.reference = c.targets[1].label;
  c.warnings = get_or<std::vector<std::string>>(j, "warnings", {});
  for (const auto& k : j.at("cases")) {
    model::CaseComparison out;
    read_case_common(k, out);
    out.versus[c.targets[0].label] = {out.cls, out.reason, out.differing_keys, out.unexpected_keys};
    derive_groups(c, out);
    c.cases.push_back(std::move(out));
  }
  for (const auto& k : c.cases)
    if (c.area_text(k.area) == nullptr) c.areas.push_back({k.area, "", ""});
  if (j.contains("benchmarks") && j.contains("benchmark_summary")) {
    const auto& s = j.at("benchmark_summary");
    model::BenchmarkSummary b;
    b.present = true;
    b.side = c.targets[0].label;
    b.reference = c.reference;
    b.seed = seed_or_zero(s);
    b.geometric_mean_ratio = get_or<double>(s, "geometric_mean_ratio", 0);
    b.verdicts = int_map(s, "verdicts");
    if (s.contains("calibration")) {
      b.calibration = benchmark_row(s.at("calibration"));
      b.calibration.name = "calibration 2x / 1x";
      b.calibration.area = "calibration";
    }
    b.warnings = get_or<std::vector<std::string>>(s, "warnings", {});
    for (const auto& row : j.at("benchmarks")) b.rows.push_back(benchmark_row(row));
    c.bench.push_back(std::move(b));
  }
  return c;
}

model::SweepSummary sweep_from_json(const json& j) {
  model::SweepSummary s;
  s.keys_side = j.at("keys_side").get<std::uint64_t>();
  s.keys_reference = j.at("keys_reference").get<std::uint64_t>();
  s.same = j.at("same").get<std::uint64_t>();
  s.differing = j.at("differing").get<std::uint64_t>();
  s.only_side = j.at("only_side").get<std::uint64_t>();
  s.only_reference = j.at("only_reference").get<std::uint64_t>();
  s.expected = j.at("expected").get<std::uint64_t>();
  s.unexpected = j.at("unexpected").get<std::uint64_t>();
  s.ranges = j.at("ranges").get<std::uint64_t>();
  s.groups = j.at("groups").get<std::uint64_t>();
  s.full_diff = get_or<std::string>(j, "full_diff", "");
  s.idle_expectations = get_or<std::vector<std::string>>(j, "idle_expectations", {});
  for (const auto& g : j.at("details")) {
    model::SweepGroupSummary group{
        g.at("family").get<std::string>(),           g.at("keys").get<std::uint64_t>(),
        g.at("ranges").get<std::uint64_t>(),         g.at("only_side").get<std::uint64_t>(),
        g.at("only_reference").get<std::uint64_t>(), {}};
    for (const auto& p : g.at("parts"))
      group.parts.push_back({p.at("expectation").get<int>(), get_or<std::string>(p, "why", ""),
                             p.at("keys").get<std::uint64_t>(), p.at("ranges").get<std::uint64_t>(),
                             get_or<std::vector<std::string>>(p, "examples", {})});
    s.details.push_back(std::move(group));
  }
  return s;
}

model::Comparison read_v2(const json& j) {
  model::Comparison c;
  c.schema_version = 2;
  c.generated_at = get_or<std::string>(j, "generated_at", "");
  c.reference = j.at("reference").get<std::string>();
  for (const auto& t : j.at("targets")) {
    model::TargetSummary side;
    side.label = t.at("label").get<std::string>();
    side.id = get_or<std::string>(t, "id", "");
    side.description = get_or<std::string>(t, "description", "");
    side.started_at = get_or<std::string>(t, "started_at", "");
    if (t.contains("provenance")) side.provenance = provenance_from_json(t.at("provenance"));
    if (const auto f = t.find("footprint"); f != t.end())
      for (const auto& [key, value] : f->items()) {
        if (!value.is_number_integer()) throw std::invalid_argument("footprint values must be integers");
        side.footprint[key] = value.get<long long>();
      }
    c.targets.push_back(std::move(side));
  }
  if (c.side(c.reference) == nullptr) throw std::invalid_argument("the reference names no side");
  c.policy = get_or<std::string>(j, "policy", "");
  c.policy_notes = get_or<std::vector<std::string>>(j, "policy_notes", {});
  c.baseline = get_or<std::string>(j, "baseline", "");
  c.warnings = get_or<std::vector<std::string>>(j, "warnings", {});
  for (const auto& a : j.at("areas"))
    c.areas.push_back({a.at("area").get<std::string>(), get_or<std::string>(a, "title", ""),
                       get_or<std::string>(a, "migration", "")});
  for (const auto& b : j.at("benchmarks")) {
    model::BenchmarkSummary s;
    s.present = true;
    s.side = b.at("side").get<std::string>();
    s.reference = b.at("reference").get<std::string>();
    s.seed = seed_or_zero(b);
    s.estimator = get_or<std::string>(b, "estimator", "median");
    if (!compare::estimator_from_name(s.estimator))
      throw std::invalid_argument("estimator must be median or p1 .. p50, not " + s.estimator);
    s.geometric_mean_ratio = get_or<double>(b, "geometric_mean_ratio", 0);
    s.area_geometric_mean_ratio = get_or<std::map<std::string, double>>(b, "area_geometric_mean_ratio", {});
    s.verdicts = int_map(b, "verdicts");
    if (b.contains("calibration")) s.calibration = benchmark_row(b.at("calibration"));
    s.warnings = get_or<std::vector<std::string>>(b, "warnings", {});
    for (const auto& row : b.at("rows")) s.rows.push_back(benchmark_row(row));
    s.instruction_calibration = get_or<double>(b, "instruction_calibration", 0);
    s.median_half_width = get_or<double>(b, "median_half_width", 0);
    s.split_half_agree = static_cast<int>(whole_or(b, "split_half_agree", 0));
    s.split_half_checked = static_cast<int>(whole_or(b, "split_half_checked", 0));
    s.allocators = get_or<std::vector<std::string>>(b, "allocators", {});
    if (const auto it = b.find("allocator_rows"); it != b.end())
      for (const auto& r : *it) {
        model::AllocatorRow row{r.at("name").get<std::string>(), get_or<std::string>(r, "area", ""), {}};
        for (const auto& cell : r.at("cells"))
          row.cells.push_back({cell.at("side").get<std::string>(), cell.at("allocator").get<std::string>(),
                               get_or<double>(cell, "median_ns", 0), whole_or(cell, "peak_rss_kib", 0),
                               static_cast<int>(whole_or(cell, "repetitions", 0))});
        s.allocator_rows.push_back(std::move(row));
      }
    c.bench.push_back(std::move(s));
  }
  for (const auto& k : j.at("cases")) {
    model::CaseComparison out;
    read_case_common(k, out);
    out.policy_failure = get_or<std::string>(k, "policy_failure", "");
    out.acknowledgement = get_or<std::string>(k, "acknowledgement", "");
    out.baseline = get_or<std::string>(k, "baseline", "");
    out.groups = get_or<std::vector<std::vector<std::string>>>(k, "groups", {});
    out.seconds = get_or<std::map<std::string, double>>(k, "seconds", {});
    out.sweep = get_or<bool>(k, "sweep", false);
    for (const auto& [label, v] : k.at("versus").items()) {
      out.versus[label] = {model::case_class_from_string(v.at("class").get<std::string>()),
                           get_or<std::string>(v, "reason", ""),
                           get_or<std::vector<std::string>>(v, "differing_keys", {}),
                           get_or<std::vector<std::string>>(v, "unexpected_keys", {})};
      if (const auto s = v.find("sweep"); s != v.end()) out.versus[label].sweep = sweep_from_json(*s);
    }
    c.cases.push_back(std::move(out));
  }
  return c;
}

}  // namespace

model::Comparison comparison_from_text(const std::string& text, const std::string& source) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {
    throw input_error(source, "is not valid JSON (" + std::string(e.what()) + ")",
                      "pass a comparison.json written by 'libcdiff run' or 'libcdiff compare'");
  }
  if (!j.is_object() || j.value("kind", "") != "libcdiff-comparison")
    throw input_error(source, "is not a libcdiff comparison (no \"kind\": \"libcdiff-comparison\")",
                      "pass the comparison.json of a results directory");
  const auto version = j.find("schema_version");
  if (version == j.end() || !version->is_number_integer())
    throw input_error(source, "has no integer schema_version", "pass a comparison.json written by libcdiff");
  const long long v = version->get<long long>();
  if (v < 1 || v > model::kComparisonSchemaVersion)
    throw input_error(source,
                      "has schema_version " + std::to_string(v) + "; this libcdiff reads versions 1 to " +
                          std::to_string(model::kComparisonSchemaVersion),
                      "use a libcdiff at least as new as the one that wrote it");
  try {
    return v == 1 ? read_v1(j) : read_v2(j);
  } catch (const std::exception& e) {  // nlohmann's type and out_of_range errors, unknown class names
    throw input_error(source, "is a comparison of the wrong shape (" + std::string(e.what()) + ")",
                      "the file is damaged; regenerate it with 'libcdiff compare' from its run records");
  }
}

model::Comparison load_comparison(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec)
    throw input_error(path.string(), "cannot be read (" + ec.message() + ")",
                      "pass the comparison.json of a results directory");
  if (size > kMaxComparisonBytes)
    throw input_error(path.string(), "is " + std::to_string(size >> 20) + " MiB, larger than any comparison",
                      "pass the comparison.json of a results directory");
  return comparison_from_text(util::read_text_if_present(path), path.string());
}

}  // namespace libcdiff::store
