#include "model/benchmark_catalog.hpp"

namespace libcdiff::model {

std::string benchmark_family(const std::string& benchmark_name) {
  return benchmark_name.substr(0, benchmark_name.find('/'));
}

const BenchmarkMeta* BenchmarkCatalog::find(const std::string& benchmark_name) const {
  const auto it = by_family.find(benchmark_family(benchmark_name));
  return it == by_family.end() ? nullptr : &it->second;
}

}  // namespace libcdiff::model
