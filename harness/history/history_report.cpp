#include "history/history_report.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace libcdiff::history {

bool differs(const std::string& cls) {
  static const std::set<std::string> kinds = {
      "expected-difference", "unexpected-difference", "crash", "timeout", "error", "image-difference"};
  return kinds.count(cls) > 0;
}

std::vector<Change> changes(const HistoryDb& db) {
  std::vector<Change> out;
  const auto runs = db.runs();
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>>
      previous;  // -> class, fp
  bool first = true;
  for (const auto& run : runs) {
    auto now = db.run_cases(run.id);
    if (!first) {
      std::set<std::pair<std::string, std::string>> keys;
      for (const auto& [k, v] : previous) keys.insert(k);
      for (const auto& [k, v] : now) keys.insert(k);
      for (const auto& key : keys) {
        // A case one of the two runs did not run (another set of areas, a shard) is no change of
        // behaviour: it is compared when both have it.
        if (!previous.count(key) || !now.count(key)) continue;
        const auto before = previous.at(key).first;
        const auto after = now.at(key).first;
        std::string kind;
        if (!differs(before) && differs(after))
          kind = "appeared";
        else if (differs(before) && !differs(after))
          kind = "disappeared";
        else if (before != after)
          kind = "reclassified";
        else if (differs(after) && previous.at(key).second != now.at(key).second)
          kind = "changed";
        if (!kind.empty())
          out.push_back({run.id, run.generated_at, key.first, key.second, kind, before, after});
      }
    }
    previous = std::move(now);
    first = false;
  }
  return out;
}

std::string runs_text(const std::vector<RunRow>& runs, const std::vector<Change>& changes) {
  std::string out = fmt::format("{} runs recorded\n\n", runs.size());
  out += fmt::format("{:>4}  {:<22} {:<10} {}\n", "run", "compared at", "reference", "sides / results");
  for (const auto& r : runs) {
    std::string sides;
    for (const auto& s : r.sides) sides += (sides.empty() ? "" : ", ") + s;
    out += fmt::format("{:>4}  {:<22} {:<10} {}\n      {}\n", r.id, r.generated_at, r.reference, sides,
                       r.results_dir);
  }
  out += "\n";
  if (changes.empty()) return out + "No case began or stopped differing between consecutive runs.\n";
  out += "Changes from one run to the next:\n";
  for (const auto& c : changes)
    out += fmt::format("  run {:>3} {}  {:<12} {:<8} {}  ({} -> {})\n", c.run_id, c.generated_at, c.kind,
                       c.side, c.case_id, c.before, c.after);
  return out;
}

std::string case_text(const std::string& case_id, const std::vector<CaseRow>& rows) {
  if (rows.empty()) return case_id + ": not in the history\n";
  std::string out = case_id + "\n";
  std::map<std::string, std::vector<const CaseRow*>> by_slot;
  for (const auto& r : rows) by_slot[r.slot].push_back(&r);
  for (const auto& [slot, list] : by_slot) {
    out += fmt::format("  {} against the reference:\n", slot);
    const CaseRow* previous = nullptr;
    const CaseRow* since = nullptr;
    std::string last_change;
    for (const auto* r : list) {
      std::string values = previous == nullptr                       ? "first recorded"
                           : r->fingerprint == previous->fingerprint ? "values unchanged"
                                                                     : "values changed";
      if (previous != nullptr && r->fingerprint != previous->fingerprint) last_change = r->generated_at;
      if (differs(r->cls) && (previous == nullptr || !differs(previous->cls))) since = r;
      if (!differs(r->cls)) since = nullptr;
      out += fmt::format("    run {:>3}  {}  {:<14} {:<22} {}\n", r->run_id, r->generated_at, r->libc, r->cls,
                         values);
      previous = r;
    }
    if (since != nullptr)
      out += fmt::format("    differs since run {} ({})", since->run_id, since->generated_at);
    else
      out += "    does not differ in the latest run";
    out += last_change.empty() ? "; values never changed\n" : "; values last changed " + last_change + "\n";
  }
  return out;
}

std::string benchmark_text(const std::string& name, const std::vector<BenchmarkRow>& rows) {
  if (rows.empty()) return name + ": not in the history\n";
  std::string out = name + " (time ratio: side / reference; above 1 is slower)\n";
  for (const auto& r : rows) {
    // A text bar: one '#' per 0.1 of ratio, capped, so a trend shows in a terminal.
    const int bar = static_cast<int>(std::min(r.ratio, 6.0) * 10 + 0.5);
    // Instruction counts are the same from run to run: a change in them is a change in the code.
    const std::string instructions =
        r.instruction_ratio > 0 ? fmt::format("  instructions {:.3f}", r.instruction_ratio) : "";
    // A ratio of other percentiles is not the same quantity as a ratio of medians: say so per run.
    const std::string estimator = r.estimator == "median" ? "" : " (" + r.estimator + ")";
    out += fmt::format("  run {:>3}  {}  {:<8} {:>7.3f}{:<6} [{:.3f}, {:.3f}] {:<10} {}{}\n", r.run_id,
                       r.generated_at, r.side, r.ratio, estimator, r.ci_low, r.ci_high, r.verdict,
                       std::string(static_cast<std::size_t>(bar), '#'), instructions);
  }
  return out;
}

}  // namespace libcdiff::history
