// junit.xml for CI dashboards: one <testsuite> per side, named by its label, classname = the area.
// The reference side reports its own outcomes; every other side its verdict against the reference:
// problems fail, expected differences are skipped with their reason (visible in GitHub and GitLab
// test reports), and with a CI policy (--fail-on, acknowledgements) the policy decides.
#pragma once

#include <string>

#include "model/comparison.hpp"

namespace libcdiff::report {

std::string render_junit(const model::Comparison& comparison);

}  // namespace libcdiff::report
