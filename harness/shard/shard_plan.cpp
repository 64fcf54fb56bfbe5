#include "shard/shard_plan.hpp"

#include <algorithm>
#include <charconv>

#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::shard {
namespace {

bool parse_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

ShardSpec ShardSpec::parse(const std::string& text) {
  const auto slash = text.find('/');
  ShardSpec spec;
  if (slash == std::string::npos || !parse_int(std::string_view(text).substr(0, slash), spec.index) ||
      !parse_int(std::string_view(text).substr(slash + 1), spec.count) || spec.count < 1 || spec.index < 1 ||
      spec.index > spec.count || spec.count > 1000)
    throw usage_error("--shard " + text, "is not I/N with 1 <= I <= N <= 1000",
                      "pass e.g. --shard 2/4 for the second of four shards");
  return spec;
}

ShardWork plan_shard(const ShardSpec& spec, const std::vector<std::pair<std::string, std::string>>& cases,
                     const std::vector<std::string>& area_order, const std::vector<std::string>& bench_areas,
                     const std::map<std::string, double>& seconds) {
  const std::size_t n = static_cast<std::size_t>(spec.count);
  const std::size_t me = static_cast<std::size_t>(spec.index - 1);
  std::vector<std::size_t> owner(cases.size());
  std::vector<double> cost(cases.size(), 0);
  std::vector<double> known;
  for (const auto& [id, area] : cases)
    if (const auto it = seconds.find(id); it != seconds.end() && it->second >= 0) known.push_back(it->second);
  ShardWork work;
  if (known.empty()) {
    for (std::size_t i = 0; i < cases.size(); ++i) owner[i] = i % n;
  } else {
    std::sort(known.begin(), known.end());
    const double median = known[known.size() / 2];
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const auto it = seconds.find(cases[i].first);
      cost[i] = it != seconds.end() && it->second >= 0 ? it->second : median;
    }
    // Longest first; ties by catalog order, and the least-loaded shard with the lowest number wins,
    // so the assignment is a function of the inputs alone.
    std::vector<std::size_t> order(cases.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
    std::vector<double> load(n, 0);
    for (const std::size_t i : order) {
      const std::size_t least =
          static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
      owner[i] = least;
      load[least] += cost[i];
    }
    work.expected_seconds = load[me];
  }
  std::set<std::string> areas;
  for (std::size_t i = 0; i < cases.size(); ++i)
    if (owner[i] == me) {
      work.cases.insert(cases[i].first);
      areas.insert(cases[i].second);
    }
  for (const auto& a : area_order)
    if (areas.count(a)) work.areas.push_back(a);
  for (std::size_t i = 0; i < bench_areas.size(); ++i)
    if (i % n == me) work.bench_areas.push_back(bench_areas[i]);
  return work;
}

std::string gtest_filter(const std::set<std::string>& cases) {
  return "--gtest_filter=" + util::join(std::vector<std::string>(cases.begin(), cases.end()), ":");
}

}  // namespace libcdiff::shard
