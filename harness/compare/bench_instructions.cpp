#include "compare/bench_instructions.hpp"

#include <fmt/format.h>

#include <cmath>

namespace libcdiff::compare {

void add_instruction_counts(const model::RunRecord& side, const std::string& side_label,
                            const model::RunRecord& reference, const std::string& reference_label,
                            model::BenchmarkComparison& row) {
  const auto a = side.instructions.find(row.name);
  const auto b = reference.instructions.find(row.name);
  if (a == side.instructions.end() || b == reference.instructions.end()) return;
  row.instructions = {{side_label, a->second.per_iteration}, {reference_label, b->second.per_iteration}};
  row.syscalls = {{side_label, a->second.syscalls_per_iteration},
                  {reference_label, b->second.syscalls_per_iteration}};
  if (b->second.per_iteration > 0) row.instruction_ratio = a->second.per_iteration / b->second.per_iteration;
  row.metrics_note = metrics_note(row, side_label, reference_label);
}

double instruction_calibration(const model::RunRecord& record) {
  const auto slow = record.instructions.find("BM_calibration_work_2x");
  const auto fast = record.instructions.find("BM_calibration_work_1x");
  if (slow == record.instructions.end() || fast == record.instructions.end() ||
      fast->second.per_iteration <= 0)
    return 0;
  return slow->second.per_iteration / fast->second.per_iteration;
}

std::string metrics_note(const model::BenchmarkComparison& row, const std::string& side_label,
                         const std::string& reference_label) {
  if (row.instruction_ratio <= 0 || row.ratio <= 0) return "";
  const bool inside = row.instruction_ratio >= row.ci_low && row.instruction_ratio <= row.ci_high;
  if (inside || std::abs(std::log(row.instruction_ratio / row.ratio)) <= std::log(1.25)) return "";
  const auto value = [](const std::map<std::string, double>& m, const std::string& k) {
    const auto it = m.find(k);
    return it == m.end() ? 0.0 : it->second;
  };
  const double sys_a = value(row.syscalls, side_label), sys_b = value(row.syscalls, reference_label);
  std::string note =
      fmt::format("time ratio {:.3g}, instruction ratio {:.3g}: ", row.ratio, row.instruction_ratio);
  if (std::max(sys_a, sys_b) >= 0.5)
    return note +
           fmt::format(
               "{:.3g} system calls per iteration on {} against {:.3g} on {}; time in the kernel (and "
               "the page faults of fresh mappings) is in the clock but not in the counted instructions",
               sys_a, side_label, sys_b, reference_label);
  const double ns_a = value(row.median_ns, side_label), ns_b = value(row.median_ns, reference_label);
  const double in_a = value(row.instructions, side_label), in_b = value(row.instructions, reference_label);
  if (ns_a <= 0 || ns_b <= 0 || in_a <= 0 || in_b <= 0) return note + "the two metrics disagree";
  const double per_a = ns_a / in_a, per_b = ns_b / in_b;  // ns per instruction
  const std::string& cheaper = per_a < per_b ? side_label : reference_label;
  const std::string& dearer = per_a < per_b ? reference_label : side_label;
  return note + fmt::format(
                    "an instruction costs {:.3g} ns on {} and {:.3g} ns on {}. Cheaper instructions on {} "
                    "usually mean wide vector code (one SSE/AVX instruction moves 16 or 32 bytes and counts "
                    "once); dearer ones on {} mean cache or TLB misses, mispredicted branches or long "
                    "dependency chains, which cost time and no instructions. rep-prefixed string "
                    "instructions go the other way: valgrind counts every repetition (rep movsb: one per "
                    "byte) while the CPU moves whole cache lines",
                    std::min(per_a, per_b), cheaper, std::max(per_a, per_b), dearer, cheaper, dearer);
}

}  // namespace libcdiff::compare
