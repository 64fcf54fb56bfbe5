// Loads benchmarks/<area>/benchmarks.toml into a BenchmarkCatalog. Malformed metadata is an input error
// naming the file, the line and the entry, never a crash.
//
//   area = "malloc"
//   [[benchmark]]
//   name = "BM_malloc_free_single"    # the family: the benchmark name before the first '/'
//   description = "..."               # one line
//   references = ["https://..."]      # at least one
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "model/benchmark_catalog.hpp"

namespace libcdiff::store {

// Every immediate subdirectory of benchmarks_dir with a benchmarks.toml is an area; the file's `area`
// must be the directory's name (the name the run records give the benchmarks of bench_<area>).
model::BenchmarkCatalog load_benchmark_catalog(const std::filesystem::path& benchmarks_dir);

// One file's content; `source` names it in errors. Returns the file's area.
std::string add_benchmarks_from_toml(model::BenchmarkCatalog& catalog, std::string_view toml_text,
                                     const std::string& source);

}  // namespace libcdiff::store
