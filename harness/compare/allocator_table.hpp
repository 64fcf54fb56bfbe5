// The allocator table (issue 16): every benchmark that also ran with another allocator preloaded
// ("<name> [mimalloc]" samples, collect/bench_runner.hpp) as median time and peak RSS under the
// libc's own malloc and each other allocator, on both sides of a pair.
#pragma once

#include <string>
#include <vector>

#include "model/comparison.hpp"
#include "model/run_record.hpp"

namespace libcdiff::compare {

// "BM_x [mimalloc]" -> {"BM_x", "mimalloc"}; a plain name -> {name, ""}.
std::pair<std::string, std::string> split_variant(const std::string& name);

// Fills summary.allocators and summary.allocator_rows from the two records.
void build_allocator_table(const model::RunRecord& side, const std::string& side_label,
                           const model::RunRecord& reference, const std::string& reference_label,
                           model::BenchmarkSummary& summary);

}  // namespace libcdiff::compare
