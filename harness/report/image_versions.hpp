// The image axis (issue 15) for the report: per distribution-image side, the versions provenance read
// inside the image (system, libc package, tzdata, compiler). Host targets have none.
#pragma once

#include <string>
#include <vector>

#include "model/comparison.hpp"

namespace libcdiff::report {

struct ImageVersions {
  std::string label;
  std::string system;
  std::string libc;
  std::string tzdata;
  std::string compiler;
};

// Sides whose provenance has "os" (read inside a distribution image); "?" for what was not read.
std::vector<ImageVersions> image_versions(const model::Comparison& c);

}  // namespace libcdiff::report
