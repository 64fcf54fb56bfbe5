// The instruction-count metric beside the wall clock (DESIGN §6): per row the instructions per
// iteration on each side and their ratio, and where the two metrics disagree, why, from what was
// measured (system calls per iteration, time per instruction on each side).
#pragma once

#include <string>

#include "model/comparison.hpp"
#include "model/run_record.hpp"

namespace libcdiff::compare {

// Fills instructions, syscalls, instruction_ratio and metrics_note of `row` when both records
// counted it.
void add_instruction_counts(const model::RunRecord& side, const std::string& side_label,
                            const model::RunRecord& reference, const std::string& reference_label,
                            model::BenchmarkComparison& row);

// BM_calibration_work_2x / BM_calibration_work_1x in instructions on one record; 0 if not counted.
double instruction_calibration(const model::RunRecord& record);

// Why the wall-clock ratio and the instruction ratio of `row` disagree, or "" when they agree (the
// instruction ratio inside the wall-clock interval, or within 25% of the ratio).
std::string metrics_note(const model::BenchmarkComparison& row, const std::string& side_label,
                         const std::string& reference_label);

}  // namespace libcdiff::compare
