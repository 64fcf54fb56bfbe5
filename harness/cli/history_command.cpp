#include "cli/history_command.hpp"

#include "history/history_db.hpp"
#include "history/history_html.hpp"
#include "history/history_report.hpp"
#include "store/atomic_file.hpp"
#include "store/comparison_file.hpp"
#include "util/error.hpp"

namespace libcdiff::cli {

std::filesystem::path default_history(const Context& ctx) {
  return ctx.repo_root / "results" / "history.sqlite";
}

void record_history(Context& ctx, const std::filesystem::path& db, const std::filesystem::path& results_dir) {
  const auto comparison = store::load_comparison(results_dir / "comparison.json");
  history::HistoryDb history(db);
  const auto id = history.record(comparison, std::filesystem::absolute(results_dir).string(),
                                 util::iso8601_utc(ctx.clock.now()));
  // The trends beside the report: the runs so far, what changed, every benchmark's ratio per run.
  store::write_file_atomically(results_dir / "history.html", history::history_html(history));
  ctx.out << "History: run " << id << " recorded in " << db.string() << "; trends in "
          << (results_dir / "history.html").string() << "\n";
}

int history_command(Context& ctx, const HistoryOptions& options) {
  const std::filesystem::path db =
      options.db.empty() ? default_history(ctx) : std::filesystem::path(options.db);
  if (!options.record.empty()) {
    record_history(ctx, db, options.record);
    return 0;
  }
  if (!std::filesystem::exists(db))
    throw input_error(db.string(), "no such history",
                      "record runs first: libcdiff run ... --history " + db.string() +
                          ", or libcdiff history --record RESULTS_DIR");
  const history::HistoryDb history(db);
  if (!options.html.empty()) {
    store::write_file_atomically(options.html, history::history_html(history));
    ctx.out << "History page: " << options.html << "\n";
    return 0;
  }
  if (!options.case_id.empty())
    ctx.out << history::case_text(options.case_id, history.case_timeline(options.case_id));
  else if (!options.benchmark.empty())
    ctx.out << history::benchmark_text(options.benchmark, history.benchmark_timeline(options.benchmark));
  else
    ctx.out << history::runs_text(history.runs(), history::changes(history));
  return 0;
}

}  // namespace libcdiff::cli
