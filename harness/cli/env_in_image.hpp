// `libcdiff env <distro>:<version> -- CMD` (issue 14, item 1): the command runs inside the target's
// distribution image with the distribution's own compilers (the Dockerfile's `toolchain` stage),
// with the current directory mounted at the same path, so a build made there lands on the host.
#pragma once

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "targets/target.hpp"

namespace libcdiff::cli {

// Returns the command's exit status (128 + signal when it died of one). The image is built in a
// private container session that is removed afterwards, whatever happens. Throws Fatal (exit 3)
// when no container engine or base image is available.
int run_in_toolchain_image(Context& ctx, const targets::Target& target,
                           const std::vector<std::string>& command, const std::string& engine);

// What the command sees inside: CC/CXX of the distribution's compiler and the target's id.
std::map<std::string, std::string> image_build_variables(const targets::Target& target);

}  // namespace libcdiff::cli
