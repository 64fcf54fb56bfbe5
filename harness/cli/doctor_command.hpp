// `libcdiff doctor`: what can run here and, for what cannot, the one thing missing.
#pragma once

#include "cli/context.hpp"

namespace libcdiff::cli {

// Exit 0 when the default targets (musl, glibc) can run, 3 otherwise.
int doctor_command(Context& ctx);

}  // namespace libcdiff::cli
