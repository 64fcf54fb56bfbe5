// `--baseline RESULTS_DIR` (issue 15): each case of a comparison against the last accepted run, per
// side: new (differs now, did not then), changed (differs in both, with other values), resolved
// (differed then, not now) or unchanged. Sides are matched as the history matches them (by libc
// family when a comparison has one side of it, else by label), values by the history's fingerprint.
// `--fail-on new` then fails only what is new or changed (compare/policy.hpp).
#pragma once

#include <string>

#include "model/comparison.hpp"

namespace libcdiff::compare {

// Sets each case's `baseline` (the worst of its sides) and comparison.baseline = `description`.
void compare_with_baseline(model::Comparison& comparison, const model::Comparison& baseline,
                           const std::string& description);

}  // namespace libcdiff::compare
