// `libcdiff merge` (issue 15): the shard records of one target joined into one record, as if one run
// had run every case. Refused, with a one-line error naming the shards, when the records are not
// shards of one build (libc, compiler, C++ library, harness version or dependencies differ), when a
// case appears twice, when a shard did not finish, or when the shards of an I/N split are not all there.
// The merged record keeps each shard's provenance line (merged_from) and gets its own copies of the
// sweep tables, so the merged results directory stands alone.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/run_record.hpp"

namespace libcdiff::shard {

struct ShardRecord {
  std::filesystem::path source;  // the run-<target>.json it was read from (named in errors)
  model::RunRecord record;       // its location is the shard's results directory
};

// All shards of one side (same target and label). Sweep tables are copied to <out_dir>/logs/...
model::RunRecord merge_shards(const std::vector<ShardRecord>& shards, const std::filesystem::path& out_dir);

// The first field in which two records' builds differ ("libc version 1.2.5 vs 1.2.3"), or "".
std::string build_difference(const model::RunRecord& a, const model::RunRecord& b);

}  // namespace libcdiff::shard
