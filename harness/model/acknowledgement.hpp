// A difference a team has accepted in its own repository (libcdiff.toml, [[acknowledge]] entries), so
// that the CI policy (compare/policy.hpp) lets it pass without anyone editing the tool's cases.toml.
#pragma once

#include <optional>
#include <string>

namespace libcdiff::model {

struct Acknowledgement {
  std::string case_id;                 // "Locale.StrcollCodepointOrder"
  std::string reason;                  // why the team accepts it; never empty
  std::string side;                    // a side label or target id it is limited to; empty: any side
  std::optional<std::string> expires;  // "YYYY-MM-DD", the last day it still protects; none: never
  std::string source;                  // where it was written: "libcdiff.toml:12: acknowledge #3"
};

}  // namespace libcdiff::model
