// `libcdiff list targets|areas|cases`.
#pragma once

#include <string>

#include "cli/context.hpp"

namespace libcdiff::cli {

int list_command(Context& ctx, const std::string& what);

}  // namespace libcdiff::cli
