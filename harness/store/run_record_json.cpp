#include "store/run_record_json.hpp"

#include "store/atomic_file.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::store {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

constexpr const char* kKind = "libcdiff-run-record";

ordered_json libc_to_json(const model::LibcProvenance& l) {
  return {{"family", l.family},
          {"version", l.version},
          {"version_source", l.version_source},
          {"path", l.path},
          {"package_version", l.package_version},
          {"link_mode", l.link_mode}};
}

template <typename T>
T get_or(const json& j, const char* key, T fallback) {
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? fallback : it->get<T>();
}

// An integer field. nlohmann converts a floating-point value with a plain cast, which is undefined
// behaviour when it does not fit (2e71 as long long: found by fuzzing under UBSan): refuse non-integers.
long long integer(const json& value, const std::string& what) {
  if (!value.is_number_integer()) throw std::invalid_argument(what + " must be an integer");
  return value.get<long long>();
}

long long integer_or(const json& j, const char* key, long long fallback) {
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? fallback : integer(*it, key);
}

}  // namespace

model::Provenance provenance_from_json(const json& p) {
  model::Provenance out;
  const json& l = p.at("libc");
  out.libc = {get_or<std::string>(l, "family", ""),          get_or<std::string>(l, "version", ""),
              get_or<std::string>(l, "version_source", ""),  get_or<std::string>(l, "path", ""),
              get_or<std::string>(l, "package_version", ""), get_or<std::string>(l, "link_mode", "")};
  out.compiler = get_or<std::string>(p, "compiler", "");
  out.cxx_library = get_or<std::string>(p, "cxx_library", "");
  out.thread_default_stack_bytes = integer_or(p, "thread_default_stack_bytes", -1);
  out.host = get_or<std::map<std::string, std::string>>(p, "host", {});
  out.dependencies = get_or<std::map<std::string, std::string>>(p, "dependencies", {});
  out.harness_version = get_or<std::string>(p, "harness_version", "");
  return out;
}

ordered_json run_record_to_json(const model::RunRecord& r) {
  ordered_json j;
  j["schema_version"] = r.schema_version;
  j["kind"] = kKind;
  j["target"] = r.target;
  if (!r.label.empty()) j["label"] = r.label;
  j["target_description"] = r.target_description;
  j["started_at"] = r.started_at;
  j["finished_at"] = r.finished_at;
  const auto& p = r.provenance;
  j["provenance"] = {{"libc", libc_to_json(p.libc)},
                     {"compiler", p.compiler},
                     {"cxx_library", p.cxx_library},
                     {"thread_default_stack_bytes", p.thread_default_stack_bytes},
                     {"host", p.host},
                     {"dependencies", p.dependencies},
                     {"harness_version", p.harness_version}};
  j["suites"] = ordered_json::array();
  for (const auto& s : r.suites)
    j["suites"].push_back({{"area", s.area},
                           {"binary", s.binary},
                           {"status", to_string(s.status)},
                           {"message", s.message},
                           {"attempts", s.attempts},
                           {"elapsed_ms", s.elapsed_ms}});
  j["cases"] = ordered_json::array();
  for (const auto& c : r.cases) {
    ordered_json obs = ordered_json::object();
    for (const auto& [k, v] : c.observations) obs[k] = v;
    j["cases"].push_back({{"id", c.id},
                          {"area", c.area},
                          {"outcome", to_string(c.outcome)},
                          {"message", c.message},
                          {"seconds", c.seconds},
                          {"observations", obs}});
    if (c.sweep.present())
      j["cases"].back()["sweep"] = {{"table", c.sweep.table}, {"keys", c.sweep.keys}, {"hash", c.sweep.hash}};
  }
  j["benchmarks"] = ordered_json::array();
  for (const auto& b : r.benchmarks)
    j["benchmarks"].push_back(
        {{"name", b.name}, {"area", b.area}, {"time_kind", b.time_kind}, {"samples_ns", b.samples_ns}});
  j["benchmark_context"] = r.benchmark_context;
  j["footprint"] = r.footprint;
  if (!r.instructions.empty()) {
    j["instructions"] = ordered_json::object();
    for (const auto& [name, n] : r.instructions)
      j["instructions"][name] = {{"per_iteration", n.per_iteration},
                                 {"syscalls_per_iteration", n.syscalls_per_iteration},
                                 {"low_iterations", n.low_iterations},
                                 {"high_iterations", n.high_iterations}};
  }
  if (!r.shard.empty()) j["shard"] = r.shard;
  if (!r.shard_plan.empty()) j["shard_plan"] = r.shard_plan;
  if (!r.merged_from.empty()) j["merged_from"] = r.merged_from;
  return j;
}

model::RunRecord run_record_from_json(const json& j, const std::string& source) {
  if (!j.is_object() || j.value("kind", "") != kKind)
    throw input_error(source, "is not a libcdiff run record",
                      "pass a run-<target>.json written by 'libcdiff run'");
  if (!j.contains("schema_version") || !j["schema_version"].is_number_integer())
    throw input_error(source, "has no schema_version", "re-create it with 'libcdiff run'");
  const long long version = integer(j["schema_version"], "schema_version");
  if (version != model::kRunRecordSchemaVersion)
    throw input_error(source,
                      "has schema_version " + std::to_string(version) + ", this libcdiff reads version " +
                          std::to_string(model::kRunRecordSchemaVersion),
                      "use the libcdiff version that wrote it, or re-run 'libcdiff run'");
  model::RunRecord r;
  try {
    r.schema_version = version;
    r.target = j.at("target").get<std::string>();
    r.label = get_or<std::string>(j, "label", "");
    r.target_description = get_or<std::string>(j, "target_description", "");
    r.started_at = get_or<std::string>(j, "started_at", "");
    r.finished_at = get_or<std::string>(j, "finished_at", "");
    r.shard = get_or<std::string>(j, "shard", "");
    r.shard_plan = get_or<std::string>(j, "shard_plan", "");
    if (const auto it = j.find("merged_from"); it != j.end() && it->is_array())
      for (const auto& line : *it) r.merged_from.push_back(line.get<std::string>());
    r.provenance = provenance_from_json(j.at("provenance"));
    for (const json& s : j.at("suites"))
      r.suites.push_back({s.at("area").get<std::string>(), get_or<std::string>(s, "binary", ""),
                          model::suite_status_from_string(get_or<std::string>(s, "status", "")),
                          get_or<std::string>(s, "message", ""),
                          static_cast<int>(integer_or(s, "attempts", 0)), integer_or(s, "elapsed_ms", 0)});
    for (const json& c : j.at("cases")) {
      model::CaseResult result;
      result.id = c.at("id").get<std::string>();
      result.area = c.at("area").get<std::string>();
      result.outcome = model::outcome_from_string(c.at("outcome").get<std::string>());
      result.message = get_or<std::string>(c, "message", "");
      result.observations = get_or<model::Observations>(c, "observations", {});
      result.seconds = get_or<double>(c, "seconds", 0.0);
      if (!(result.seconds >= 0 && result.seconds < 1e9)) result.seconds = 0;  // NaN or absurd: unknown
      if (const auto s = c.find("sweep"); s != c.end() && s->is_object()) {
        result.sweep.table = s->at("table").get<std::string>();
        result.sweep.keys = integer_or(*s, "keys", 0);
        result.sweep.hash = get_or<std::string>(*s, "hash", "");
      }
      r.cases.push_back(std::move(result));
    }
    // Benchmarks are optional: records from correctness-only runs have none.
    if (const auto it = j.find("benchmarks"); it != j.end())
      for (const json& b : *it)
        r.benchmarks.push_back({b.at("name").get<std::string>(), get_or<std::string>(b, "area", ""),
                                get_or<std::string>(b, "time_kind", "cpu"),
                                b.at("samples_ns").get<std::vector<double>>()});
    r.benchmark_context = get_or<std::map<std::string, std::string>>(j, "benchmark_context", {});
    if (const auto it = j.find("footprint"); it != j.end() && !it->is_null())
      for (const auto& [key, value] : it->items()) r.footprint[key] = integer(value, "footprint." + key);
    if (const auto it = j.find("instructions"); it != j.end() && !it->is_null())
      for (const auto& [name, n] : it->items())
        r.instructions[name] = {n.at("per_iteration").get<double>(),
                                get_or<double>(n, "syscalls_per_iteration", 0),
                                integer_or(n, "low_iterations", 0), integer_or(n, "high_iterations", 0)};
  } catch (const Fatal&) {
    throw;
  } catch (const std::exception& e) {
    throw input_error(source, std::string("is damaged (") + e.what() + ")",
                      "re-create it with 'libcdiff run'");
  }
  return r;
}

std::string run_record_file_name(const std::string& target) {
  return "run-" + util::path_safe(target) + ".json";
}

void save_run_record(const std::filesystem::path& path, const model::RunRecord& record) {
  write_file_atomically(
      path, run_record_to_json(record).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

model::RunRecord load_run_record(const std::filesystem::path& path) {
  // Parsing holds the document several times over in memory (234 MB took 5.8 GB): refuse first.
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxRunRecordBytes)
    throw input_error(path.string(),
                      "is " + std::to_string(size >> 20) + " MiB, more than a run record can be (" +
                          std::to_string(kMaxRunRecordBytes >> 20) + " MiB)",
                      "pass a run-<target>.json written by 'libcdiff run'");
  auto record = run_record_from_text(read_file(path), path.string());
  record.location = path.parent_path();
  return record;
}

model::RunRecord run_record_from_text(const std::string& text, const std::string& source) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    throw input_error(source,
                      "is not valid JSON (truncated or damaged at byte " + std::to_string(e.byte) + ")",
                      "re-create it with 'libcdiff run'; an interrupted run keeps only complete files");
  } catch (const json::exception& e) {  // e.g. out_of_range for a number like 1e99999 (found by fuzzing)
    throw input_error(source, std::string("is not valid JSON (") + e.what() + ")",
                      "re-create it with 'libcdiff run'");
  }
  return run_record_from_json(j, source);
}

}  // namespace libcdiff::store
