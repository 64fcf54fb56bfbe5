#include "compare/allocator_table.hpp"

#include <map>
#include <set>

#include "compare/statistics.hpp"

namespace libcdiff::compare {

std::pair<std::string, std::string> split_variant(const std::string& name) {
  const auto open = name.rfind(" [");
  if (open == std::string::npos || !name.ends_with("]")) return {name, ""};
  return {name.substr(0, open), name.substr(open + 2, name.size() - open - 3)};
}

void build_allocator_table(const model::RunRecord& side, const std::string& side_label,
                           const model::RunRecord& reference, const std::string& reference_label,
                           model::BenchmarkSummary& summary) {
  std::set<std::string> allocators;
  std::map<std::string, std::string> bases;  // base name -> area, in first-seen order below
  std::vector<std::string> order;
  for (const auto* r : {&side, &reference})
    for (const auto& b : r->benchmarks) {
      const auto [base, allocator] = split_variant(b.name);
      if (allocator.empty()) continue;
      allocators.insert(allocator);
      if (bases.emplace(base, b.area).second) order.push_back(base);
    }
  if (allocators.empty()) return;
  summary.allocators.assign(allocators.begin(), allocators.end());
  std::vector<std::string> columns{"libc"};
  columns.insert(columns.end(), allocators.begin(), allocators.end());
  for (const auto& base : order) {
    model::AllocatorRow row{base, bases[base], {}};
    for (const auto& [r, label] : {std::pair{&side, side_label}, std::pair{&reference, reference_label}}) {
      for (const auto& allocator : columns) {
        const std::string name = allocator == "libc" ? base : base + " [" + allocator + "]";
        model::AllocatorCell cell{label, allocator, 0, 0, 0};
        for (const auto& b : r->benchmarks)
          if (b.name == name && !b.samples_ns.empty()) {
            cell.median_ns = median(b.samples_ns);
            cell.repetitions = static_cast<int>(b.samples_ns.size());
          }
        if (const auto it = r->footprint.find("peak_rss_kib." + name); it != r->footprint.end())
          cell.peak_rss_kib = it->second;
        row.cells.push_back(cell);
      }
    }
    summary.allocator_rows.push_back(std::move(row));
  }
}

}  // namespace libcdiff::compare
