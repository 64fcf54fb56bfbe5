// Benchmarks explain themselves: every benchmark row of a comparison gets the one-line description of
// its family from the benchmark catalog (benchmarks/<area>/benchmarks.toml). Compute only.
#pragma once

#include "model/benchmark_catalog.hpp"
#include "model/comparison.hpp"

namespace libcdiff::compare {

// Sets BenchmarkComparison::description of every row of every c.bench[i]. A row whose family the
// catalog does not know keeps the description it has (a comparison read from a file brings its own).
void describe_benchmarks(model::Comparison& c, const model::BenchmarkCatalog& catalog);

}  // namespace libcdiff::compare
