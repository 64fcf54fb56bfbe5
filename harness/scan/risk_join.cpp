#include "scan/risk_join.hpp"

#include <algorithm>
#include <set>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace libcdiff::scan {
namespace {

using model::CaseClass;

int risk_rank(const std::string& risk) {
  return risk == "high" ? 0 : risk == "medium" ? 1 : risk == "low" ? 2 : 3;
}

bool differs(CaseClass c) {
  return c == CaseClass::expected_difference || c == CaseClass::unexpected_difference ||
         c == CaseClass::crash || c == CaseClass::timeout;
}

bool expected_on_musl(const model::CaseMeta& meta, const std::string& version) {
  return std::any_of(meta.expectations.begin(), meta.expectations.end(), [&](const auto& e) {
    return e.libc == "musl" && e.toolchain.empty() && (version.empty() || e.applies_to("musl", version));
  });
}

std::string compared_side(const RiskInputs& in) {
  if (!in.side.empty() || in.comparison == nullptr) return in.side;
  const auto sides = in.comparison->compared_sides();
  return sides.empty() ? "" : sides.front()->label;
}

// "key: musl X, glibc Y" for up to three differing keys of the case.
std::string observed_values(const model::CaseComparison& k, const std::string& side,
                            const std::string& reference) {
  std::vector<std::string> parts;
  const auto value = [&](const std::string& label, const std::string& key) {
    const auto obs = k.observations.find(label);
    if (obs == k.observations.end()) return std::string("—");
    const auto v = obs->second.find(key);
    return v == obs->second.end() ? std::string("—") : util::bounded_text(v->second, 80);
  };
  const auto verdict = k.versus.find(side);
  const auto& keys = verdict != k.versus.end() ? verdict->second.differing_keys : k.differing_keys;
  for (const auto& key : keys) {
    if (parts.size() == 3) break;
    parts.push_back(key + ": " + side + " " + value(side, key) + ", " + reference + " " +
                    value(reference, key));
  }
  return util::join(parts, "; ");
}

ScanRisk from_case(const model::CaseMeta& meta, std::vector<std::string> apis, const RiskInputs& in,
                   const std::string& side, bool& keep) {
  ScanRisk r{std::move(apis), meta.id,        meta.risk, meta.title, meta.breaks,
             meta.fix,        "not compared", "",        false,      ""};
  keep = expected_on_musl(meta, in.musl_version);
  if (in.comparison == nullptr) return r;
  for (const auto& k : in.comparison->cases) {
    if (k.id != meta.id) continue;
    const auto v = k.versus.find(side);
    const CaseClass cls = v != k.versus.end() ? v->second.cls : k.cls;
    r.cls = to_string(cls);
    keep = differs(cls);
    if (keep) r.observed = observed_values(k, side, in.comparison->reference);
    return r;
  }
  return r;  // the comparison did not hold this case: fall back to the catalog's expectations
}

// Cases whose risk an import pattern carries rather than one function: the case applies only when
// `trigger` is imported and none of `unless` is, and is then labelled a heuristic.
struct Heuristic {
  std::vector<std::string> cases;
  std::string trigger;
  std::vector<std::string> unless;
  std::string why;
};

const std::vector<Heuristic>& heuristics() {
  static const std::vector<Heuristic> list = {
      {{"Threads.DefaultStackSize", "Threads.LargeStackBufferOnDefaultThread"},
       "pthread_create",
       {"pthread_attr_setstacksize", "pthread_attr_setstack"},
       "pthread_create without pthread_attr_setstacksize: every thread gets musl's 128 KiB default stack "
       "(glibc: 8 MiB from RLIMIT_STACK)"},
      {{"DynamicLinking.DlcloseUnloads"},
       "dlclose",
       {},
       "dlclose imported: musl never unloads a library, so its destructors do not run at dlclose and "
       "reloading it does not reset its state"},
  };
  return list;
}

const Heuristic* heuristic_for(const std::string& case_id) {
  for (const auto& h : heuristics())
    if (std::find(h.cases.begin(), h.cases.end(), case_id) != h.cases.end()) return &h;
  return nullptr;
}

}  // namespace

std::vector<ScanRisk> risks_for(const std::vector<std::string>& imports, const RiskInputs& in) {
  std::vector<ScanRisk> out;
  if (in.catalog == nullptr) return out;
  const std::set<std::string> imported(imports.begin(), imports.end());
  const auto side = compared_side(in);
  for (const auto& [id, meta] : in.catalog->cases) {
    std::vector<std::string> hits;
    for (const auto& api : meta.apis)
      if (imported.count(api)) hits.push_back(api);
    if (hits.empty()) continue;
    const auto* h = heuristic_for(id);
    if (h != nullptr) {
      if (!imported.count(h->trigger)) continue;
      if (std::any_of(h->unless.begin(), h->unless.end(),
                      [&](const auto& u) { return imported.count(u) > 0; }))
        continue;
    }
    bool keep = false;
    auto r = from_case(meta, std::move(hits), in, side, keep);
    if (!keep) continue;
    if (h != nullptr) {
      r.heuristic = true;
      r.why = h->why;
    }
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const ScanRisk& a, const ScanRisk& b) {
    return std::make_tuple(risk_rank(a.risk), a.heuristic, a.case_id) <
           std::make_tuple(risk_rank(b.risk), b.heuristic, b.case_id);
  });
  return out;
}

}  // namespace libcdiff::scan
