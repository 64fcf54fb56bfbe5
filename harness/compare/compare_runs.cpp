#include "compare/compare_runs.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "compare/classify.hpp"

namespace libcdiff::compare {
namespace {

std::map<std::string, const model::CaseResult*> index(const model::RunRecord& record) {
  std::map<std::string, const model::CaseResult*> by_id;
  for (const auto& c : record.cases) by_id[c.id] = &c;
  return by_id;
}

model::TargetSummary summarize(const model::RunRecord& r) {
  return {r.target, r.target_description, r.provenance, r.footprint};
}

// Comparisons that would silently measure something else than the libc.
std::vector<std::string> provenance_warnings(const model::RunRecord& a, const model::RunRecord& b) {
  std::vector<std::string> warnings;
  const auto& pa = a.provenance;
  const auto& pb = b.provenance;
  if (pa.compiler != pb.compiler || pa.cxx_library != pb.cxx_library)
    warnings.push_back("the targets differ in compiler or C++ library (" + a.target + ": " + pa.compiler +
                       ", " + pa.cxx_library + "; " + b.target + ": " + pb.compiler + ", " + pb.cxx_library +
                       "): differences may come from the toolchain, not the libc");
  for (const auto* r : {&a, &b}) {
    const auto& p = r->provenance;
    if (p.libc.family == "musl" && p.thread_default_stack_bytes > 1024 * 1024)
      warnings.push_back(
          r->target + ": a musl thread got a " + std::to_string(p.thread_default_stack_bytes) +
          "-byte default stack, not musl's ~128 KiB; the toolchain is changing musl's behaviour");
    if (p.libc.family.empty())
      warnings.push_back(r->target + ": no suite reported its libc; expectations cannot be matched");
    if (r->finished_at.empty())
      warnings.push_back(r->target + ": the run record is incomplete (the run was interrupted)");
  }
  return warnings;
}

// A case known to depend on what an offline image ships keeps `same` and `expected-difference`
// (the label is shown beside them); anything else it shows is the image's doing, not the libc's.
void label_image_difference(model::CaseComparison& c, const model::CaseCatalog& catalog, const std::string& a,
                            const std::string& b) {
  std::vector<std::string> labels;
  for (const auto* target : {&a, &b})
    if (const auto* d = catalog.find_image_difference(*target, c.id))
      labels.push_back(*target + ": " + d->what);
  if (labels.empty()) return;
  c.image_difference = labels.front() + (labels.size() > 1 ? "; " + labels.back() : "");
  if (c.cls != model::CaseClass::same && c.cls != model::CaseClass::expected_difference) {
    c.cls = model::CaseClass::image_difference;
    c.reason = c.image_difference + (c.reason.empty() ? "" : " (" + c.reason + ")");
  }
}

}  // namespace

model::Comparison compare_runs(const model::RunRecord& a, const model::RunRecord& b,
                               const model::CaseCatalog& catalog, const std::string& generated_at) {
  model::Comparison out;
  out.generated_at = generated_at;
  out.targets = {summarize(a), summarize(b)};
  out.warnings = provenance_warnings(a, b);
  const auto in_a = index(a);
  const auto in_b = index(b);
  std::set<std::string> ids;
  for (const auto& [id, r] : in_a) ids.insert(id);
  for (const auto& [id, r] : in_b) ids.insert(id);
  for (const auto& id : ids) {
    const auto find = [&](const auto& m) {
      const auto it = m.find(id);
      return it == m.end() ? nullptr : it->second;
    };
    Side side_a{a.target, a.provenance.libc.family, a.provenance.libc.version, find(in_a)};
    Side side_b{b.target, b.provenance.libc.family, b.provenance.libc.version, find(in_b)};
    auto compared = classify_case(id, catalog.find(id), side_a, side_b);
    label_image_difference(compared, catalog, a.target, b.target);
    out.cases.push_back(std::move(compared));
  }
  // Disjoint case sets usually mean runs of different areas or versions of the suites: say so once,
  // with the count per side, rather than leaving it to a hundred "did not run" lines.
  int only_a = 0, only_b = 0;
  for (const auto& id : ids) {
    only_a += in_a.count(id) > 0 && in_b.count(id) == 0 ? 1 : 0;
    only_b += in_b.count(id) > 0 && in_a.count(id) == 0 ? 1 : 0;
  }
  if (only_a + only_b > 0)
    out.warnings.push_back("the runs hold different cases: " + std::to_string(only_a) + " only in " +
                           a.target + "'s record, " + std::to_string(only_b) + " only in " + b.target +
                           "'s; those are listed as skipped (did not run)");
  // Group by area, then by id, so reports read area by area.
  std::stable_sort(out.cases.begin(), out.cases.end(), [](const auto& x, const auto& y) {
    return std::tie(x.area, x.id) < std::tie(y.area, y.id);
  });
  return out;
}

}  // namespace libcdiff::compare
