// How a sweep's table diff reads in the reports (issue 12 item 5): per compared side, the counts,
// then each differing family with its unexpected keys first and the keys each expectation covers,
// the largest ranges as examples, and where the full diff is.
#pragma once

#include <string>

#include "model/comparison.hpp"

namespace libcdiff::report {

// "- `musl`: 4,100 of 4,160 keys differ ..." lines and nested family/part lines; "" for a case
// that is not a sweep or whose tables were not compared.
std::string sweep_markdown(const model::CaseComparison& c, const model::Comparison& comparison);

// "## Sweeps": per side, how many sweeps were compared, their keys and differences, and the time
// the sides' suites spent in them (the sweeps' benchmark, issue 12 item 6). "" without sweeps.
std::string sweep_overview_markdown(const model::Comparison& comparison);
std::string sweep_overview_html(const model::Comparison& comparison);

// The same as an HTML fragment (escaped).
std::string sweep_html(const model::CaseComparison& c, const model::Comparison& comparison);

}  // namespace libcdiff::report
