#include "cli/scan_command.hpp"

#include <fmt/format.h>

#include "report/scan_outputs.hpp"
#include "scan/libc_exports.hpp"
#include "scan/scanner.hpp"
#include "scan/target_compile_flags.hpp"
#include "store/atomic_file.hpp"
#include "store/case_catalog_toml.hpp"
#include "store/comparison_file.hpp"
#include "store/results_dir.hpp"
#include "targets/target.hpp"
#include "ui/progress.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::cli {
namespace {

int risk_rank(const std::string& risk) {
  return risk == "high" ? 3 : risk == "medium" ? 2 : risk == "low" ? 1 : 0;
}

// The policy as a minimum risk (0: any risk) or -1 for "needs-rebuild only", -2 for never.
int parse_scan_policy(const std::string& text) {
  if (text.empty() || text == "needs-rebuild") return -1;
  if (text == "never") return -2;
  if (text == "any-risk") return 0;
  if (text.starts_with("risk>=")) {
    const int rank = risk_rank(text.substr(6));
    if (rank > 0) return rank;
  }
  throw usage_error("--fail-on " + text, "is not a scan policy",
                    "use needs-rebuild (default), risk>=high|medium|low, any-risk or never");
}

// Per compilation database: how many units do not compile, then the APIs with the first place each.
std::string source_summary(const model::SourceScan& src, const std::string& target) {
  std::string out = fmt::format("\n{}: {} translation units against {}'s headers: {} do not compile",
                                src.compile_commands, src.translation_units, target, src.failed);
  if (src.failed_with_glibc > 0)
    out += fmt::format(", {} fail with glibc's headers too (the project's errors, not the libc's)",
                       src.failed_with_glibc);
  if (src.skipped > 0) out += fmt::format(", {} not C or C++", src.skipped);
  out += "\n";
  std::size_t api_width = 14, probe_width = 0;
  for (std::size_t i = 0; i < src.apis.size() && i < 15; ++i) {
    api_width = std::max(api_width, src.apis[i].api.size());
    probe_width = std::max(probe_width, src.apis[i].build_probe.size());
  }
  for (std::size_t i = 0; i < src.apis.size(); ++i) {
    if (i == 15) {
      out += fmt::format("  ... ({} more APIs in the report)\n", src.apis.size() - i);
      break;
    }
    const auto& g = src.apis[i];
    const auto& first = g.locations.front();
    out += fmt::format("  {:<{}} {:>4} error{} {:<{}} first at {}:{}:{}\n",
                       g.api.empty() ? "(no API named)" : g.api, api_width, g.locations.size(),
                       g.locations.size() == 1 ? " " : "s", g.build_probe, probe_width, first.file,
                       first.line, first.column);
  }
  if (!src.ignored_flags.empty())
    out += "  flags clang-16 does not know, dropped: " + util::join(src.ignored_flags, " ") + "\n";
  for (std::size_t i = 0; i < src.problems.size() && i < 5; ++i)
    out += "  not checked: " + src.problems[i] + "\n";
  if (src.problems.size() > 5) out += fmt::format("  ... ({} not checked in all)\n", src.problems.size());
  return out;
}

std::string summary(const model::ScanResult& s, const std::filesystem::path& report) {
  std::string out;
  int loads = 0, rebuild = 0, independent = 0;
  for (const auto& b : s.binaries) {
    loads += b.verdict == "loads";
    rebuild += b.verdict == "needs-rebuild";
    independent += b.verdict == "not-dynamic";
  }
  for (const auto& src : s.sources) out += source_summary(src, s.target);
  if (!s.binaries.empty() || s.sources.empty())
    out +=
        fmt::format("\n{} binaries against {}: {} load, {} need a rebuild, {} do not depend on the libc{}\n",
                    s.binaries.size(), s.target, loads, rebuild, independent,
                    s.problems.empty() ? "" : fmt::format(", {} could not be read", s.problems.size()));
  int shown = 0;
  for (const auto& b : s.binaries) {
    if (b.verdict != "needs-rebuild" && b.risks.empty()) continue;
    if (++shown > 25) {
      out += "  ... (the rest in the report)\n";
      break;
    }
    out += fmt::format("  {:<14} {}\n", b.verdict, b.path);
    std::vector<std::string> names;
    int from_libraries = 0;
    for (const auto& m : b.missing) {
      // Symbols of a library that was not found say nothing new: the library is the finding.
      if (m.cause == "not-in-glibc") {
        ++from_libraries;
        continue;
      }
      if (names.size() < 6) names.push_back(m.name + " (" + m.cause + ")");
    }
    const auto shown_missing = b.missing.size() - static_cast<std::size_t>(from_libraries);
    if (!names.empty())
      out += "                 missing: " + util::join(names, ", ") +
             (shown_missing > names.size() ? fmt::format(", ... ({} in all)", shown_missing) : "") + "\n";
    if (!b.missing_libraries.empty())
      out += fmt::format(
          "                 {} libraries missing or too old for the target's loader ({} symbols they would "
          "provide)\n",
          b.missing_libraries.size(), from_libraries);
    for (std::size_t i = 0; i < b.risks.size() && i < 3; ++i)
      out += fmt::format("                 {} risk: {} via {}{}\n", b.risks[i].risk, b.risks[i].case_id,
                         util::join(b.risks[i].apis, ", "), b.risks[i].heuristic ? " (heuristic)" : "");
  }
  for (const auto& p : s.problems) out += "warning: " + p + "\n";
  out += fmt::format("\nReport: {}\n", report.string());
  return out;
}

}  // namespace

int scan_command(Context& ctx, const ScanOptions& options) {
  const int policy = parse_scan_policy(options.fail_on);
  const auto target = targets::find_target(options.to);
  if (target.in_container() || (target.libc_family != "musl" && target.libc_family != "glibc"))
    throw usage_error(
        "--to " + options.to, "is not a local target",
        "scan checks against a local target's libc: --to musl, musl-1.2.3 or glibc (the reverse "
        "direction: musl programs on this machine's glibc)");
  const bool to_glibc = target.libc_family == "glibc";
  // The musl side is needed both ways: the target itself, or what names the APIs glibc lacks.
  const auto& musl_target = to_glibc ? targets::find_target("musl") : target;
  const auto libc_so = scan::musl_libc_so(musl_target, ctx.cache_dir);
  std::error_code ec;
  if (!std::filesystem::exists(libc_so, ec))
    throw environment_error(libc_so.string(), "is missing: the " + musl_target.id + " target is not set up",
                            "run scripts/setup.sh --targets " + musl_target.id);
  const auto catalog = store::load_case_catalog(ctx.repo_root / "suites");

  // The observations to join: the given comparison, else the latest run's, else none.
  std::optional<model::Comparison> comparison;
  std::filesystem::path comparison_path = options.comparison == "none" ? "" : options.comparison;
  if (options.comparison.empty() &&
      std::filesystem::exists(ctx.repo_root / "results/runs/latest/comparison.json", ec))
    comparison_path = ctx.repo_root / "results/runs/latest/comparison.json";
  if (!comparison_path.empty() && std::filesystem::is_directory(comparison_path, ec))
    comparison_path /= "comparison.json";
  if (!comparison_path.empty()) comparison = store::load_comparison(comparison_path);

  const auto now = ctx.clock.now();
  const bool default_output = options.output_dir.empty();
  const auto scans_root = ctx.repo_root / "results" / "scans";
  const std::filesystem::path out_dir =
      default_output ? store::claim_new_run_dir(scans_root, util::compact_utc(now) + "_scan")
                     : std::filesystem::path(options.output_dir);
  if (!default_output) store::claim_output_dir(out_dir, options.force);
  const auto scratch = out_dir / ".unpacked";

  ui::Progress progress(ctx.out, 0);
  ctx.out << "libcdiff scan: " << util::join(options.paths, " ") << " against " << target.id << " -> "
          << out_dir.string() << std::endl;
  scan::SourceScanOptions sources{.target = scan::target_compile_flags(target, ctx.cache_dir),
                                  // Units that fail are compiled against the other libc's headers too.
                                  .reference = scan::target_compile_flags(
                                      to_glibc ? musl_target : targets::find_target("glibc"), ctx.cache_dir),
                                  .catalog = &catalog,
                                  .probe_area = ctx.repo_root / "suites" / "build-time-api",
                                  .scratch = scratch / "sources"};
  scan::ScannerOptions scanner{.paths = options.paths,
                               .musl_libc_so = libc_so,
                               .target = target.id,
                               .target_family = target.libc_family,
                               .musl_version = musl_target.musl_release,
                               .catalog = &catalog,
                               .comparison = comparison ? &*comparison : nullptr,
                               .comparison_name = comparison_path.string(),
                               .scratch = scratch,
                               .engine = options.engine,
                               .sources = sources};
  auto result = scan::run_scan(ctx.runner, scanner, [&](const std::string& what) { progress.note(what); });
  std::filesystem::remove_all(scratch, ec);
  result.generated_at = util::iso8601_utc(ctx.clock.now());
  store::write_file_atomically(out_dir / "scan.json", report::render_scan_json(result));
  store::write_file_atomically(out_dir / "scan.sarif", report::render_scan_sarif(result, LIBCDIFF_VERSION));
  const auto report_path = out_dir / "scan.md";
  store::write_file_atomically(report_path, report::render_scan_markdown(result));
  if (default_output) store::update_latest_link(scans_root, out_dir);
  ctx.out << summary(result, report_path);

  // Nothing checked is never "all clear": a wrong directory must not pass a CI gate.
  if (result.binaries.empty() && result.sources.empty()) {
    if (result.problems.empty())
      ctx.err
          << "libcdiff: error: " << util::join(options.paths, " ")
          << ": no ELF programs or libraries and no compile_commands.json found. Give programs, libraries, "
             "directories or images holding them, or a compilation database\n";
    return static_cast<int>(ExitCode::usage);
  }
  bool fails = false;
  // A source that does not compile against the target fails every policy but "never".
  for (const auto& src : result.sources) fails |= policy != -2 && !src.apis.empty();
  for (const auto& b : result.binaries) {
    if (policy == -2) break;
    if (b.verdict == "needs-rebuild") fails = true;
    if (policy >= 0)
      for (const auto& r : b.risks) fails |= risk_rank(r.risk) >= policy;
  }
  return fails ? static_cast<int>(ExitCode::unexpected_difference) : 0;
}

}  // namespace libcdiff::cli
