// `libcdiff scan PATH...` (issue 13): what in your binaries, images, trees and sources depends on glibc.
#pragma once

#include <string>
#include <vector>

#include "cli/context.hpp"

namespace libcdiff::cli {

struct ScanOptions {
  std::vector<std::string> paths;
  std::string to = "musl";        // the musl target to check against
  std::string comparison;         // a results dir or comparison.json; "" = results/runs/latest if any
  std::string fail_on;            // needs-rebuild (default) | risk>=LEVEL | never
  std::string output_dir;         // "" = results/scans/<time>
  std::string engine = "podman";  // for image references
  bool force = false;
};

int scan_command(Context& ctx, const ScanOptions& options);

}  // namespace libcdiff::cli
