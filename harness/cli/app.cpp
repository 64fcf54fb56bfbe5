#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include "cli/compare_command.hpp"
#include "cli/doctor_command.hpp"
#include "cli/list_command.hpp"
#include "cli/run_command.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::cli {
namespace {

const std::vector<std::string> kCommands = {"run", "compare", "list", "doctor"};

std::string parse_error_line(const CLI::ParseError& e, const std::vector<std::string>& args) {
  std::string message = e.what();
  std::string input = args.empty() ? "libcdiff" : args[0];
  if (!args.empty() && !args[0].starts_with("-") &&
      std::find(kCommands.begin(), kCommands.end(), args[0]) == kCommands.end()) {
    const auto guess = util::closest_match(args[0], kCommands);
    return usage_error(args[0], "is not a libcdiff command",
                       (guess ? "did you mean '" + *guess + "'? " : std::string()) + "Run 'libcdiff --help'")
        .line();
  }
  return usage_error(input, message,
                     "run 'libcdiff " + (args.empty() ? std::string() : args[0] + " ") + "--help'")
      .line();
}

}  // namespace

int run_cli(Context& ctx, const std::vector<std::string>& args) {
  CLI::App app{"libcdiff: what changes when your software moves from glibc to musl", "libcdiff"};
  app.require_subcommand(1);
  app.set_version_flag("--version", LIBCDIFF_VERSION);

  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "build and run the suites per target, compare, report");
  run_cmd->add_option("--targets", run.targets, "two targets to compare (default musl,glibc)");
  run_cmd->add_option("--areas", run.areas, "comma list of areas (default: all)");
  run_cmd->add_option("-o,--output", run.output_dir,
                      "results directory (default results/runs/<time>_<A>_vs_<B>)");
  run_cmd->add_option("--build-dir", run.build_dir, "where per-target builds go (default build/targets)");
  run_cmd->add_option("--timeout", run.timeout_seconds,
                      "seconds per suite attempt before its case is a timeout");
  run_cmd->add_flag("--bench", run.bench, "also run the benchmarks (targets interleaved)");
  run_cmd->add_flag("--bench-only", run.bench_only, "run only the benchmarks");
  run_cmd->add_flag("--quick", run.quick, "fewer and shorter benchmark rounds (for CI)");
  run_cmd->add_option("--repetitions", run.repetitions, "benchmark rounds (default 9, 5 with --quick)")
      ->check(CLI::Range(2, 10000));
  run_cmd->add_flag("--force", run.force, "replace the -o directory if it holds an earlier run");
  run_cmd->add_option("--engine", run.engine,
                      "container engine for image targets: podman or docker (default: a reachable Docker "
                      "daemon, else podman)");

  CompareOptions compare;
  auto* compare_cmd =
      app.add_subcommand("compare", "compare saved runs (results directories or run records)");
  compare_cmd->add_option("A", compare.a, "results dir or run-<target>.json")->required();
  compare_cmd->add_option("B", compare.b, "results dir or run-<target>.json");
  compare_cmd->add_option("-o,--output", compare.output_dir, "where to write the comparison");
  compare_cmd->add_flag("--force", compare.force, "replace the -o directory if it holds an earlier run");

  std::string what;
  auto* list_cmd = app.add_subcommand("list", "list targets, areas or cases");
  list_cmd->add_option("what", what, "targets | areas | cases")->required();

  auto* doctor_cmd = app.add_subcommand("doctor", "what can run here, and what is missing");

  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes arguments in reverse
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    ctx.out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp& e) {
    ctx.out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion& e) {
    ctx.out << LIBCDIFF_VERSION << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    ctx.err << parse_error_line(e, args) << std::endl;
    return static_cast<int>(ExitCode::usage);
  }

  // An option given with an empty value ("--areas ''", "-o ''") is a mistake, never "the default".
  for (const auto* command : {run_cmd, compare_cmd})
    for (const auto* option : command->get_options())
      if (option->count() > 0 && option->get_type_size() > 0)
        for (const auto& value : option->results())
          if (value.empty()) {
            ctx.err << usage_error(option->get_name(), "was given an empty value",
                                   "leave the option out for its default, or give a value")
                           .line()
                    << std::endl;
            return static_cast<int>(ExitCode::usage);
          }

  try {
    if (run_cmd->parsed()) return run_command(ctx, run);
    if (compare_cmd->parsed()) return compare_command(ctx, compare);
    if (list_cmd->parsed()) return list_command(ctx, what);
    if (doctor_cmd->parsed()) return doctor_command(ctx);
  } catch (const Fatal& e) {
    ctx.err << e.line() << std::endl;
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    // A bug, not bad input: still one line, and results already written stay on disk.
    ctx.err << "libcdiff: error: internal: " << e.what()
            << ". This is a libcdiff bug; results written so far are kept. Please report it." << std::endl;
    return static_cast<int>(ExitCode::usage);
  }
  return static_cast<int>(ExitCode::usage);
}

}  // namespace libcdiff::cli
