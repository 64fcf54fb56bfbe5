#include "shard/merge_records.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "shard/shard_plan.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::shard {
namespace {

std::string side_of(const model::RunRecord& r) {
  return r.label.empty() ? r.target : r.label;
}

}  // namespace

std::string build_difference(const model::RunRecord& a, const model::RunRecord& b) {
  const auto& p = a.provenance;
  const auto& q = b.provenance;
  const std::vector<std::tuple<const char*, std::string, std::string>> fields = {
      {"target", a.target, b.target},
      {"libc family", p.libc.family, q.libc.family},
      {"libc version", p.libc.version, q.libc.version},
      {"libc path", p.libc.path, q.libc.path},
      {"libc package", p.libc.package_version, q.libc.package_version},
      {"link mode", p.libc.link_mode, q.libc.link_mode},
      {"compiler", p.compiler, q.compiler},
      {"C++ library", p.cxx_library, q.cxx_library},
      {"harness version", p.harness_version, q.harness_version},
  };
  for (const auto& [name, x, y] : fields)
    if (x != y) return std::string(name) + " '" + x + "' vs '" + y + "'";
  std::set<std::string> keys;
  for (const auto& [k, v] : p.dependencies) keys.insert(k);
  for (const auto& [k, v] : q.dependencies) keys.insert(k);
  for (const auto& k : keys) {
    const auto x = p.dependencies.count(k) ? p.dependencies.at(k) : "(none)";
    const auto y = q.dependencies.count(k) ? q.dependencies.at(k) : "(none)";
    if (x != y) return "dependency " + k + " '" + x + "' vs '" + y + "'";
  }
  return "";
}

model::RunRecord merge_shards(const std::vector<ShardRecord>& shards, const std::filesystem::path& out_dir) {
  if (shards.empty()) throw Fatal(ExitCode::usage, "merge", "has no run records", "pass shard directories");
  const auto& first = shards.front();
  const std::string side = side_of(first.record);
  // Which shards of which split are here: all of 1..N, once each, or none of them sharded.
  std::map<int, std::vector<std::string>> splits;  // N -> "I" seen
  for (const auto& s : shards) {
    if (s.record.finished_at.empty())
      throw input_error(s.source.string(), "is an unfinished run (interrupted or still running)",
                        "run that shard again, then merge");
    if (const auto why = build_difference(first.record, s.record); !why.empty())
      throw input_error(
          s.source.string(),
          "is not from the same build of " + side + " as " + first.source.string() + ": " + why,
          "merge only shards of one build: run every shard from the same commit, toolchain and image");
    if (s.record.shard_plan != first.record.shard_plan)
      throw input_error(s.source.string(),
                        "was split by another plan than " + first.source.string() + " (plan " +
                            s.record.shard_plan + " vs " + first.record.shard_plan + ")",
                        "run every shard with the same cases, areas and --shard-durations");
    if (!s.record.shard.empty()) {
      const auto spec = ShardSpec::parse(s.record.shard);
      splits[spec.count].push_back(std::to_string(spec.index));
    }
  }
  for (const auto& [count, seen] : splits) {
    std::vector<std::string> missing;
    for (int i = 1; i <= count; ++i)
      if (std::count(seen.begin(), seen.end(), std::to_string(i)) == 0)
        missing.push_back(std::to_string(i) + "/" + std::to_string(count));
    for (const auto& i : seen)
      if (std::count(seen.begin(), seen.end(), i) > 1)
        throw input_error(side, "has shard " + i + "/" + std::to_string(count) + " twice",
                          "pass each shard's directory once");
    if (!missing.empty())
      throw input_error(side, "lacks shard " + util::join(missing, ", "),
                        "pass every shard's results directory (a merge of some shards is not the whole run)");
  }
  if (splits.size() > 1)
    throw input_error(side, "mixes shards of different splits", "merge the shards of one --shard I/N run");

  model::RunRecord merged = first.record;
  merged.shard.clear();
  merged.suites.clear();
  merged.cases.clear();
  merged.benchmarks.clear();
  merged.merged_from.clear();
  merged.location = out_dir;
  std::map<std::string, std::string> case_source;
  const auto sweep_dir = out_dir / "logs" / util::path_safe(merged.target) / "sweeps";
  for (const auto& s : shards) {
    const auto& r = s.record;
    merged.started_at = std::min(merged.started_at, r.started_at);
    merged.finished_at = std::max(merged.finished_at, r.finished_at);
    std::string host = r.provenance.host.count("hostname") ? r.provenance.host.at("hostname") : "";
    merged.merged_from.push_back(s.source.parent_path().string() + ": shard " +
                                 (r.shard.empty() ? "(whole run)" : r.shard) + ", started " + r.started_at +
                                 (host.empty() ? "" : ", host " + host));
    merged.suites.insert(merged.suites.end(), r.suites.begin(), r.suites.end());
    for (auto c : r.cases) {
      if (const auto [it, fresh] = case_source.emplace(c.id, s.source.string()); !fresh)
        throw input_error(s.source.string(), "has case " + c.id + ", which " + it->second + " has too",
                          "merge the shards of one split: each case runs in exactly one shard");
      if (c.sweep.present()) {
        const auto from = r.location / c.sweep.table;
        std::filesystem::create_directories(sweep_dir);
        const auto to = sweep_dir / std::filesystem::path(c.sweep.table).filename();
        std::error_code ec;
        std::filesystem::remove(to, ec);
        std::filesystem::create_hard_link(from, to, ec);
        if (ec) std::filesystem::copy_file(from, to, ec);
        // A table that is missing stays missing: the comparison reports it as an error, never "same".
        c.sweep.table = std::filesystem::relative(to, out_dir).string();
      }
      merged.cases.push_back(std::move(c));
    }
    for (const auto& b : r.benchmarks) merged.benchmarks.push_back(b);
    for (const auto& [k, v] : r.footprint) merged.footprint.emplace(k, v);
    for (const auto& [k, v] : r.benchmark_context) merged.benchmark_context.emplace(k, v);
  }
  return merged;
}

}  // namespace libcdiff::shard
