#include "compare/bench_describe.hpp"

namespace libcdiff::compare {

void describe_benchmarks(model::Comparison& c, const model::BenchmarkCatalog& catalog) {
  for (auto& summary : c.bench)
    for (auto& row : summary.rows)
      if (const auto* meta = catalog.find(row.name)) row.description = meta->description;
}

}  // namespace libcdiff::compare
