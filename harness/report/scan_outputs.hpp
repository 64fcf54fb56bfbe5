// The outputs of `libcdiff scan` (issue 13): scan.md for people, scan.json for tools (schema in
// docs/scan.schema.json) and scan.sarif (SARIF 2.1.0) for code-scanning UIs. Pure functions of the
// scan result.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/scan_result.hpp"

namespace libcdiff::report {

std::string render_scan_markdown(const model::ScanResult& scan);
nlohmann::ordered_json scan_to_json(const model::ScanResult& scan);
std::string render_scan_json(const model::ScanResult& scan);
// One rule per case (and one per missing-symbol cause); results located at the binary.
std::string render_scan_sarif(const model::ScanResult& scan, const std::string& tool_version);

}  // namespace libcdiff::report
