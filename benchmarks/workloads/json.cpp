// JSON parse and serialise of a ~200 KB API response (records with strings, integers, prices, scores,
// booleans, nested objects and arrays) with nlohmann::json 3.11, the same header on every target
// (bench-deps, see area.cmake). Parsing allocates a node, a std::map or std::vector, and a std::string per
// value, reads numbers with strtod/strtoll/strtoull and asks localeconv() for the decimal point;
// serialising formats doubles with nlohmann's own Grisu2 and appends to one growing std::string.
#include <benchmark/benchmark.h>

#include "common/count_mode.hpp"

#if LIBCDIFF_HAVE_NLOHMANN_JSON
#include <nlohmann/json.hpp>
#include <string>

#include "workload_data.hpp"

namespace {

using libcdiff::workloads::Prng;

nlohmann::json make_document() {
  Prng rng(99);
  const auto names = libcdiff::workloads::person_names(500, 5);
  nlohmann::json records = nlohmann::json::array();
  for (size_t i = 0; i < names.size(); ++i) {
    nlohmann::json tags = nlohmann::json::array();
    for (uint32_t t = rng.below(5); t > 0; --t) tags.push_back("tag-" + std::to_string(rng.below(40)));
    nlohmann::json history = nlohmann::json::array();
    for (uint32_t h = rng.below(4); h > 0; --h)
      history.push_back({{"at", 1700000000 + static_cast<int64_t>(rng.below(1u << 30))},
                         {"amount", static_cast<double>(rng.below(1000000)) / 100.0},
                         {"note", h % 2 == 0 ? "refund \"partial\"\ttab" : "ok"}});
    records.push_back({
        {"id", 100000 + i},
        {"name", names[i]},
        {"email", "user" + std::to_string(rng.below(100000)) + "@example.org"},
        {"active", rng.below(4) != 0},
        {"balance", static_cast<double>(static_cast<int64_t>(rng.below(2000000)) - 500000) / 100.0},
        {"score", rng.unit() * 100.0},
        {"ratio", rng.unit() * 1e-6},
        {"tags", tags},
        {"address",
         {{"street", std::to_string(rng.below(300)) + " Main Street"},
          {"city", rng.below(2) ? "Zürich" : "Springfield"},
          {"zip", std::to_string(10000 + rng.below(89999))},
          {"geo", {rng.unit() * 180.0 - 90.0, rng.unit() * 360.0 - 180.0}}}},
        {"history", history},
        {"manager", rng.below(5) == 0 ? nlohmann::json(nullptr) : nlohmann::json(rng.below(100000))},
    });
  }
  return {{"status", "ok"}, {"page", 1}, {"total", records.size()}, {"records", records}};
}

const std::string& document_text() {
  static const std::string text = make_document().dump();
  return text;
}

[[maybe_unused]] const int kContextAdded =
    (benchmark::AddCustomContext("nlohmann_json_version", std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                                                              std::to_string(NLOHMANN_JSON_VERSION_MINOR) +
                                                              "." +
                                                              std::to_string(NLOHMANN_JSON_VERSION_PATCH)),
     0);

void BM_workload_json_parse(benchmark::State& state) {
  const std::string& text = document_text();
  size_t records = 0;
  for (auto _ : state) {
    const auto document = nlohmann::json::parse(text);
    records = document["records"].size();
    benchmark::DoNotOptimize(records);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["document_bytes"] = static_cast<double>(text.size());
  state.counters["records"] = static_cast<double>(records);
}
LIBCDIFF_BENCHMARK(BM_workload_json_parse)->Unit(benchmark::kMicrosecond);

void BM_workload_json_serialize(benchmark::State& state) {
  const std::string& text = document_text();
  const auto document = nlohmann::json::parse(text);
  size_t bytes = 0;
  for (auto _ : state) {
    const std::string out = document.dump();
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  if (bytes != text.size())
    state.SkipWithError("dump() of the parsed document differs in size from its text");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
}
LIBCDIFF_BENCHMARK(BM_workload_json_serialize)->Unit(benchmark::kMicrosecond);

}  // namespace
#endif  // LIBCDIFF_HAVE_NLOHMANN_JSON
