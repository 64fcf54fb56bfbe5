// junit.xml for CI dashboards: one <testsuite> per target with every case (classname carries the
// libc), plus a "comparison" suite where unexpected differences, crashes and timeouts are failures.
#pragma once

#include <string>

#include "model/comparison.hpp"

namespace libcdiff::report {

std::string render_junit(const model::Comparison& comparison);

}  // namespace libcdiff::report
