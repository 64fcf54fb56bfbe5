// Calendar dates written as ISO 8601 "YYYY-MM-DD": in that form they compare as strings.
#pragma once

#include <string>
#include <string_view>

namespace libcdiff::util {

// True for "2027-03-01" and "2028-02-29"; false for "2027-3-1", "2027-02-29", "2027-03-01T00:00".
bool is_iso_date(std::string_view text);
// "2027-03-01" from year, month and day (zero-padded; no validation).
std::string iso_date(int year, int month, int day);

}  // namespace libcdiff::util
