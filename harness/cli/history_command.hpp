// `libcdiff history`: record comparisons in the run history and ask it what changed (issue 15).
#pragma once

#include <filesystem>
#include <string>

#include "cli/context.hpp"

namespace libcdiff::cli {

struct HistoryOptions {
  std::string db;         // default <repo>/results/history.sqlite
  std::string record;     // a results directory whose comparison.json to record
  std::string case_id;    // one case's timeline
  std::string benchmark;  // one benchmark's ratio over time
  std::string html;       // write history.html (runs, changes, a trend chart per benchmark) here
};

int history_command(Context& ctx, const HistoryOptions& options);

// Records <results_dir>/comparison.json in `db` (for run/merge --history); prints one line.
void record_history(Context& ctx, const std::filesystem::path& db, const std::filesystem::path& results_dir);

std::filesystem::path default_history(const Context& ctx);

}  // namespace libcdiff::cli
