#include "compare/compare_runs.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "compare/classify.hpp"
#include "compare/sweep_compare.hpp"
#include "sweep/sweep_catalog.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::compare {
namespace {

using Index = std::map<std::string, const model::CaseResult*>;

Index index(const model::RunRecord& record) {
  Index by_id;
  for (const auto& c : record.cases) by_id[c.id] = &c;
  return by_id;
}

// "2026-11-26T16:39:58Z" -> "20261126T163958Z": short, sortable, safe in file names.
std::string compact_time(const std::string& iso) {
  std::string out;
  for (char ch : iso)
    if (ch != '-' && ch != ':') out += ch;
  return out.empty() ? "unknown-time" : out;
}

bool is_glibc(const model::RunRecord& r) {
  return r.provenance.libc.family == "glibc" ||
         (r.provenance.libc.family.empty() && r.target.starts_with("glibc"));
}

std::size_t reference_index(const std::vector<model::RunRecord>& records,
                            const std::vector<std::string>& labels, const std::string& wanted) {
  if (wanted.empty()) {
    for (std::size_t i = 0; i < records.size(); ++i)
      if (is_glibc(records[i])) return i;
    return records.size() - 1;
  }
  std::vector<std::size_t> hits;
  for (std::size_t i = 0; i < records.size(); ++i)
    if (labels[i] == wanted) hits.push_back(i);
  if (hits.empty())
    for (std::size_t i = 0; i < records.size(); ++i)
      if (records[i].target == wanted) hits.push_back(i);
  if (hits.size() == 1) return hits[0];
  throw usage_error("--reference " + wanted,
                    hits.empty() ? "names no side of this comparison" : "names several sides",
                    "give one of the side labels: " + util::join(labels, ", "));
}

// Comparisons that would silently measure something else than the libc.
std::vector<std::string> provenance_warnings(const std::vector<model::RunRecord>& records,
                                             const std::vector<std::string>& labels, std::size_t ref) {
  std::vector<std::string> warnings;
  const auto& pr = records[ref].provenance;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i == ref) continue;
    const auto& p = records[i].provenance;
    if (p.compiler != pr.compiler || p.cxx_library != pr.cxx_library)
      warnings.push_back("the targets differ in compiler or C++ library (" + labels[i] + ": " + p.compiler +
                         ", " + p.cxx_library + "; " + labels[ref] + ": " + pr.compiler + ", " +
                         pr.cxx_library + "): differences may come from the toolchain, not the libc");
  }
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& p = records[i].provenance;
    if (p.libc.family == "musl" && p.thread_default_stack_bytes > 1024 * 1024)
      warnings.push_back(
          labels[i] + ": a musl thread got a " + std::to_string(p.thread_default_stack_bytes) +
          "-byte default stack, not musl's ~128 KiB; the toolchain is changing musl's behaviour");
    if (p.libc.family.empty())
      warnings.push_back(labels[i] + ": no suite reported its libc; expectations cannot be matched");
    if (records[i].finished_at.empty())
      warnings.push_back(labels[i] + ": the run record is incomplete (the run was interrupted)");
  }
  return warnings;
}

// A case known to depend on what an offline image ships keeps `same` and `expected-difference`
// (the label is shown beside them); anything else it shows is the image's doing, not the libc's.
void label_image_difference(model::CaseComparison& c, const model::CaseCatalog& catalog,
                            const std::vector<model::RunRecord>& records,
                            const std::vector<std::string>& labels) {
  std::vector<std::string> found;
  for (std::size_t i = 0; i < records.size(); ++i)
    if (const auto* d = catalog.find_image_difference(records[i].target, c.id))
      found.push_back(labels[i] + ": " + d->what);
  if (found.empty()) return;
  c.image_difference = util::join(found, "; ");
  const auto relabel = [&](model::CaseClass& cls, std::string& reason) {
    if (cls != model::CaseClass::same && cls != model::CaseClass::expected_difference) {
      cls = model::CaseClass::image_difference;
      reason = c.image_difference + (reason.empty() ? "" : " (" + reason + ")");
    }
  };
  relabel(c.cls, c.reason);
  for (auto& [label, v] : c.versus) relabel(v.cls, v.reason);
}

}  // namespace

std::vector<std::string> side_labels(const std::vector<model::RunRecord>& records,
                                     const std::vector<std::string>& requested) {
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < records.size(); ++i)
    labels.push_back(i < requested.size() && !requested[i].empty() ? requested[i]
                     : !records[i].label.empty()                   ? records[i].label
                                                                   : records[i].target);
  const auto count = [&](const std::string& l) { return std::count(labels.begin(), labels.end(), l); };
  std::vector<std::string> derived = labels;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const bool given = i < requested.size() && !requested[i].empty();
    if (given && count(labels[i]) > 1)
      throw usage_error("--labels", "gives the label '" + labels[i] + "' to several sides",
                        "give each side its own label");
    if (!given && count(labels[i]) > 1) derived[i] = labels[i] + "@" + compact_time(records[i].started_at);
  }
  // Still equal (same target, same second): number them.
  for (std::size_t i = 0; i < derived.size(); ++i) {
    int n = 1;
    for (std::size_t j = i + 1; j < derived.size(); ++j)
      if (derived[j] == derived[i]) derived[j] += "#" + std::to_string(++n);
  }
  return derived;
}

model::Comparison compare_runs(const std::vector<model::RunRecord>& records, const CompareSetup& setup,
                               const model::CaseCatalog& catalog, const std::string& generated_at) {
  if (records.size() < 2)
    throw usage_error("compare", "needs at least two run records", "pass two or more runs");
  const auto labels = side_labels(records, setup.labels);
  const std::size_t ref = reference_index(records, labels, setup.reference);
  model::Comparison out;
  out.generated_at = generated_at;
  out.reference = labels[ref];
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    out.targets.push_back(
        {labels[i], r.target, r.target_description, r.started_at, r.provenance, r.footprint});
  }
  out.warnings = provenance_warnings(records, labels, ref);

  std::vector<Index> indexes;
  std::set<std::string> ids;
  for (const auto& r : records) {
    indexes.push_back(index(r));
    for (const auto& [id, c] : indexes.back()) ids.insert(id);
  }
  for (const auto& id : ids) {
    std::vector<Side> sides;
    for (std::size_t i = 0; i < records.size(); ++i) {
      const auto it = indexes[i].find(id);
      const auto& p = records[i].provenance;
      sides.push_back({labels[i], p.libc.family, p.libc.version,
                       it == indexes[i].end() ? nullptr : it->second, p.compiler, p.cxx_library});
    }
    const auto* meta = catalog.find(id);
    auto compared = classify_case(id, meta, sides, ref);
    if (meta != nullptr && meta->sweep)
      compare_sweep(compared, {catalog.sweeps ? catalog.sweeps->find(id) : nullptr, &records, &labels, ref,
                               setup.sweep_diff_dir, setup.output_dir});
    label_image_difference(compared, catalog, records, labels);
    out.cases.push_back(std::move(compared));
  }
  // Disjoint case sets usually mean runs of different areas or versions of the suites: say so once
  // per side, with the count on each, rather than leaving it to a hundred "did not run" lines.
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i == ref) continue;
    int only_side = 0, only_ref = 0;
    for (const auto& id : ids) {
      only_side += indexes[i].count(id) > 0 && indexes[ref].count(id) == 0 ? 1 : 0;
      only_ref += indexes[ref].count(id) > 0 && indexes[i].count(id) == 0 ? 1 : 0;
    }
    if (only_side + only_ref > 0)
      out.warnings.push_back("the runs hold different cases: " + std::to_string(only_side) + " only in " +
                             labels[i] + "'s record, " + std::to_string(only_ref) + " only in " +
                             labels[ref] +
                             "'s; those are listed as skipped (did not run on the side that lacks them)");
  }
  // Group by area, then by id, so reports read area by area.
  std::stable_sort(out.cases.begin(), out.cases.end(), [](const auto& x, const auto& y) {
    return std::tie(x.area, x.id) < std::tie(y.area, y.id);
  });
  for (const auto& k : out.cases) {
    if (out.area_text(k.area) != nullptr) continue;
    const auto* meta = catalog.find_area(k.area);
    out.areas.push_back({k.area, meta ? meta->title : "", meta ? meta->migration : ""});
  }
  return out;
}

model::Comparison compare_runs(const model::RunRecord& a, const model::RunRecord& b,
                               const model::CaseCatalog& catalog, const std::string& generated_at) {
  return compare_runs(std::vector<model::RunRecord>{a, b}, {}, catalog, generated_at);
}

}  // namespace libcdiff::compare
