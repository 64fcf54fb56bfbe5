// Benchmark metadata from benchmarks/<area>/benchmarks.toml: what each benchmark family measures and
// which libc mechanism drives a difference between the libcs, so a ratio in a report explains itself.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace libcdiff::model {

struct BenchmarkMeta {
  std::string name;         // the family: "BM_malloc_free_single" (the benchmark name before the first '/')
  std::string area;         // "malloc": the directory under benchmarks/
  std::string description;  // one line: what it measures, which mechanism makes the libcs differ
  std::vector<std::string> references;  // the sources the description is grounded in
};

struct BenchmarkCatalog {
  std::map<std::string, BenchmarkMeta> by_family;

  // The family of a benchmark as Google Benchmark names it: "BM_malloc_free_single/1048576" and
  // "BM_mutex_contended/real_time/threads:2" are found under the name before the first '/'.
  // nullptr when the family has no entry.
  const BenchmarkMeta* find(const std::string& benchmark_name) const;
};

// "BM_memcpy/4096" -> "BM_memcpy".
std::string benchmark_family(const std::string& benchmark_name);

}  // namespace libcdiff::model
