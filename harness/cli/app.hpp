// The command table and argument parsing. main() is a thin shim around run_cli().
#pragma once

#include <string>
#include <vector>

#include "cli/context.hpp"

namespace libcdiff::cli {

// Parses args (without argv[0]), runs the command, and turns every Fatal into its one-line message
// and exit code. Never throws.
int run_cli(Context& ctx, const std::vector<std::string>& args);

}  // namespace libcdiff::cli
