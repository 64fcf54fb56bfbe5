// Reads the acknowledgement file of the user's repository (libcdiff.toml by default): differences a
// team has accepted, each with a reason and optionally an expiry date and a side (model::Acknowledgement).
//
//   [[acknowledge]]
//   case = "Locale.StrcollCodepointOrder"    # required
//   reason = "we sort with ICU, not strcoll"  # required
//   expires = 2027-03-01                      # optional: a TOML local date or "2027-03-01"
//   side = "musl-1.2.3"                       # optional: a side label or target id; default any side
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/acknowledgement.hpp"

namespace libcdiff::store {

inline constexpr const char* kAcknowledgementsFile = "libcdiff.toml";

// Entries in file order; each one's `source` is "<source>:<line>: acknowledge #<n>". Throws Fatal
// (exit 2) naming the file and entry for invalid TOML, a missing or empty case or reason, a key it
// does not know (a typo would silently acknowledge nothing), a date that is not YYYY-MM-DD, or the
// same case and side acknowledged twice. Whether the case ids exist is the caller's to check.
std::vector<model::Acknowledgement> parse_acknowledgements(std::string_view toml_text,
                                                           const std::string& source);
// The file at `path`, which must exist: a path the user named that is not there is an input error.
std::vector<model::Acknowledgement> load_acknowledgements(const std::filesystem::path& path);

// The case ids `known` rejects, each once, in file order.
std::vector<std::string> unknown_cases(const std::vector<model::Acknowledgement>& acknowledgements,
                                       const std::function<bool(const std::string&)>& known);
// Throws Fatal naming the entry of the first case id `known` rejects (and how many others there are).
void require_known_cases(const std::vector<model::Acknowledgement>& acknowledgements,
                         const std::function<bool(const std::string&)>& known);

}  // namespace libcdiff::store
