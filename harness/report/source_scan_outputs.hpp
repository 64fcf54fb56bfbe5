// The sources part of `libcdiff scan`'s outputs (issue 13, item 5): per compilation database, what
// does not compile against the target's headers, by API with file:line:column. Pure functions of
// the scan result; scan_outputs.cpp places them in scan.md, scan.json and scan.sarif.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/scan_result.hpp"

namespace libcdiff::report {

std::string render_source_scans_markdown(const std::vector<model::SourceScan>& sources,
                                         const std::string& target);
nlohmann::ordered_json source_scans_to_json(const std::vector<model::SourceScan>& sources);

// Registers a SARIF rule (id, title, full description, help, risk) and returns its index.
using SarifRule = std::function<int(const std::string&, const std::string&, const std::string&,
                                    const std::string&, const std::string&)>;
// One result per error location (a file:// URI, startLine, startColumn): the probe's case as the
// rule when one probes the API, else "source/does-not-compile".
void add_source_scan_sarif_results(const std::vector<model::SourceScan>& sources, const std::string& target,
                                   const SarifRule& rule, nlohmann::ordered_json& results);

// "/src/a b.c" -> "file:///src/a%20b.c": every byte but the unreserved characters, the
// sub-delimiters, '@' and '/' percent-encoded (RFC 3986). Code-scanning UIs make absolute file URIs
// relative to the checkout.
std::string file_uri(const std::string& absolute_path);

}  // namespace libcdiff::report
