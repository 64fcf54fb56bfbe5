// history.html (issue 15): the run history as a page a person reads: the runs, what changed from one
// to the next, and a trend chart per benchmark (ratio per run with its 95% interval, the line at 1).
// Self-contained (inline SVG and CSS), written by `libcdiff history --html FILE` and beside the report
// by run/merge --history.
#pragma once

#include <string>

#include "history/history_db.hpp"

namespace libcdiff::history {

std::string history_html(const HistoryDb& db);

}  // namespace libcdiff::history
