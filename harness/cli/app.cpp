#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <functional>

#include "cli/compare_command.hpp"
#include "cli/doctor_command.hpp"
#include "cli/env_command.hpp"
#include "cli/fuzz_command.hpp"
#include "cli/history_command.hpp"
#include "cli/list_command.hpp"
#include "cli/merge_command.hpp"
#include "cli/report_command.hpp"
#include "cli/run_command.hpp"
#include "cli/scan_command.hpp"
#include "cli/test_command.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::cli {
namespace {

const std::vector<std::string> kCommands = {"run", "compare", "merge",   "report", "scan",  "test",
                                            "env", "fuzz",    "history", "list",   "doctor"};

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

  // The comparison choices `run` and `compare` share.
  const auto add_comparison_options = [](CLI::App* cmd, run::ComparisonChoices& choices) {
    cmd->add_option("--reference", choices.reference,
                    "the side every other side is compared against: a label or target id (default: the "
                    "first glibc side)");
    cmd->add_option(
        "--fail-on", choices.fail_on,
        "what fails the run (exit 1), comma list: unexpected (default), crash, risk>=high|medium|low, "
        "any-difference, new (only what is new or changed against --baseline)");
    cmd->add_option("--acknowledgements", choices.acknowledgements,
                    "your team's accepted differences (default: ./libcdiff.toml when present)");
    cmd->add_option("--baseline", choices.baseline,
                    "the last accepted run's results directory: each case becomes new, changed, resolved or "
                    "unchanged against it (--fail-on new fails only what is new)");
    cmd->add_option("--estimator", choices.estimator,
                    "what each benchmark ratio divides: median (default) or pN, the N-th percentile of each "
                    "side's samples (p10 suits a machine whose noise comes in bursts; see README)");
  };

  RunOptions run;
  CompareOptions compare;
  ReportOptions report;
  ScanOptions scan;
  FuzzOptions fuzz;
  MergeOptions merge;
  HistoryOptions history;
  EnvOptions env;
  TestOptions test;
  std::string what;
  // One table: each command's name, its one-line help, its options, and what runs it.
  struct Command {
    const char* name;
    const char* help;
    std::function<void(CLI::App*)> options;
    std::function<int()> execute;
    CLI::App* app = nullptr;
  };
  std::vector<Command> commands = {
      {"run", "build and run the suites per target, compare, report",
       [&](CLI::App* cmd) {
         cmd->add_option("--targets", run.targets,
                         "comma list of targets to compare, two or more (default musl,glibc; "
                         "'libcdiff list targets')");
         cmd->add_option("--areas", run.areas, "comma list of areas (default: all)");
         cmd->add_option("--cases", run.cases,
                         "comma list of case ids: only these run (see 'libcdiff list cases')");
         cmd->add_option("--label", run.label,
                         "a name for this run's sides: each side is labelled <target>@<label>");
         cmd->add_option("-o,--output", run.output_dir,
                         "results directory (default results/runs/<time>_<A>_vs_<B>...)");
         cmd->add_option("--build-dir", run.build_dir, "where per-target builds go (default build/targets)");
         cmd->add_option("--timeout", run.timeout_seconds,
                         "seconds per suite attempt before its case is a timeout");
         cmd->add_flag("--bench", run.bench, "also run the benchmarks (targets interleaved)");
         cmd->add_flag("--bench-only", run.bench_only, "run only the benchmarks");
         cmd->add_flag("--quick", run.quick, "fewer and shorter benchmark rounds (for CI)");
         cmd->add_option("--repetitions", run.repetitions, "benchmark rounds (default 9, 5 with --quick)")
             ->check(CLI::Range(2, 10000));
         cmd->add_option(
                "--samples-per-round", run.samples_per_round,
                "benchmarks: samples each benchmark process takes per round (default 5, 1 with --quick)")
             ->check(CLI::Range(1, 1000));
         cmd->add_option("--metric", run.metric,
                         "benchmarks: time (wall clock), instructions (valgrind, exact) or both")
             ->check(CLI::IsMember({"time", "instructions", "both"}));
         cmd->add_option("--precision", run.precision_percent,
                         "benchmarks: repeat rounds until every single-threaded ratio is within +-this % "
                         "(default 5; 0 = fixed rounds, the default with --quick)")
             ->check(CLI::Range(0.0, 100.0));
         cmd->add_option("--bench-budget", run.bench_budget_minutes,
                         "benchmarks: minutes after which adaptive rounds stop (default 30)")
             ->check(CLI::Range(1, 100000));
         cmd->add_option("--allocators", run.allocators,
                         "benchmarks: allocators to preload besides the libc's malloc: mimalloc,jemalloc "
                         "(default) or none (the default with --quick)");
         cmd->add_flag("--force", run.force, "replace the -o directory if it holds an earlier run");
         cmd->add_option(
             "--shard", run.shard,
             "I/N: run only this runner's part of the cases (CI matrix; join with 'libcdiff merge')");
         cmd->add_option("--shard-durations", run.shard_durations,
                         "an earlier run's results directory: balance the shards by its case times");
         cmd->add_option("--history", run.history,
                         "record the comparison in this history database (e.g. results/history.sqlite)");
         cmd->add_option("--engine", run.engine,
                         "container engine for image targets: podman or docker (default: a reachable "
                         "Docker daemon, else podman)");
         add_comparison_options(cmd, run.choices);
       },
       [&] { return run_command(ctx, run); }},
      {"compare", "compare saved runs (results directories or run records), two or more sides",
       [&](CLI::App* cmd) {
         cmd->add_option("RUN", compare.inputs, "results directories or run-<target>.json files")->required();
         cmd->add_option("--labels", compare.labels,
                         "comma list: a label per run record, in input order (default: target id, with "
                         "the run's start time when a target appears twice)");
         cmd->add_option("-o,--output", compare.output_dir, "where to write the comparison");
         cmd->add_flag("--force", compare.force, "replace the -o directory if it holds an earlier run");
         add_comparison_options(cmd, compare.choices);
       },
       [&] { return compare_command(ctx, compare); }},
      {"merge", "join the results of 'run --shard I/N' runners into one comparison",
       [&](CLI::App* cmd) {
         cmd->add_option("RUN", merge.inputs, "the shards' results directories (or run-<target>.json files)")
             ->required();
         cmd->add_option("-o,--output", merge.output_dir, "where to write the comparison");
         cmd->add_flag("--force", merge.force, "replace the -o directory if it holds an earlier run");
         cmd->add_option("--history", merge.history, "record the merged comparison in this history database");
         add_comparison_options(cmd, merge.choices);
       },
       [&] { return merge_command(ctx, merge); }},
      {"report", "re-render report.md, report.html and junit.xml from a comparison.json",
       [&](CLI::App* cmd) {
         cmd->add_option("PATH", report.input, "a results directory or its comparison.json")->required();
         cmd->add_option("-o,--output", report.output_dir, "write the files here instead of beside PATH");
         cmd->add_flag("--force", report.force, "replace the -o directory if it holds an earlier run");
       },
       [&] { return report_command(ctx, report); }},
      {"scan", "what in your binaries, images, directories and sources depends on glibc",
       [&](CLI::App* cmd) {
         cmd->add_option(
                "PATH", scan.paths,
                "ELF files, directories, root filesystems, image archives (docker save, OCI), image "
                "references, or a compile_commands.json (or a directory holding one): its sources compiled "
                "against the target's headers")
             ->required();
         cmd->add_option(
             "--to", scan.to,
             "the target to check against: musl (default), musl-1.2.3, or glibc for the reverse "
             "direction (musl programs, or programs built on a newer glibc, on this machine's glibc)");
         cmd->add_option(
             "--comparison", scan.comparison,
             "the comparison whose observed differences to join (default results/runs/latest; 'none': the "
             "catalog's expectations only)");
         cmd->add_option("--fail-on", scan.fail_on,
                         "exit 1 when: needs-rebuild (default), risk>=high|medium|low, any-risk, or never");
         cmd->add_option("-o,--output", scan.output_dir,
                         "results directory (default results/scans/<time>_scan)");
         cmd->add_option("--engine", scan.engine, "container engine for image references (default podman)");
         cmd->add_flag("--force", scan.force, "replace the -o directory if it holds an earlier scan");
       },
       [&] { return scan_command(ctx, scan); }},
      {"fuzz", "differential fuzzing of the parsers on two targets: differences minimised and clustered",
       [&](CLI::App* cmd) {
         cmd->add_option("--targets", fuzz.targets, "the two targets to compare (default musl,glibc)");
         cmd->add_option(
             "--cases", fuzz.cases,
             "comma list of fuzz cases or areas (default: every fuzz case; 'libcdiff list cases')");
         cmd->add_option("--seed", fuzz.seed, "the generators' seed (default: from the clock; printed)");
         cmd->add_option("--fuzz-time", fuzz.fuzz_time, "seconds of generation per case (default 60)");
         cmd->add_option("--fuzz-count", fuzz.fuzz_count,
                         "exactly this many generated inputs per case instead of a time (reproduces a run)");
         cmd->add_option("-o,--output", fuzz.output_dir,
                         "results directory (default results/fuzz/<time>_<A>_vs_<B>)");
         cmd->add_option("--build-dir", fuzz.build_dir, "where per-target builds go (default build/targets)");
         cmd->add_option("--timeout", fuzz.timeout_seconds, "seconds per suite run before it is a timeout");
         cmd->add_option("--engine", fuzz.engine, "container engine for image targets: podman or docker");
         cmd->add_flag("--force", fuzz.force, "replace the -o directory if it holds earlier results");
       },
       [&] { return fuzz_command(ctx, fuzz); }},
      {"history", "the run history: what changed from run to run, one case's or benchmark's timeline",
       [&](CLI::App* cmd) {
         cmd->add_option("--db", history.db, "the history database (default results/history.sqlite)");
         cmd->add_option("--record", history.record, "record this results directory's comparison");
         cmd->add_option("--case", history.case_id, "one case's classes and values over the recorded runs");
         cmd->add_option("--benchmark", history.benchmark, "one benchmark's ratio over the recorded runs");
         cmd->add_option("--html", history.html,
                         "write the history as a page (runs, changes, benchmark trends)");
       },
       [&] { return history_command(ctx, history); }},
      {"test", "build your own project on each target, run its tests, compare them test by test",
       [&](CLI::App* cmd) {
         cmd->add_option("path", test.path, "the project's source directory (never written)")->required();
         cmd->add_option("--targets", test.targets, "local targets to build for (default musl,glibc)");
         cmd->add_option("--build", test.build,
                         "the build system: cmake, meson, autotools, make (default: detected)");
         cmd->add_option(
             "--build-cmd", test.build_command,
             "your own build command instead, run in a copy of the tree with the target's CC, CXX...");
         cmd->add_option(
             "--test-cmd", test.test_command,
             "your own test command, run in the build directory (TAP output and JUnit/gtest files "
             "are read; otherwise its exit status and output are compared)");
         cmd->add_option("--configure-args", test.configure_args,
                         "appended to the configure step: cmake -D..., meson setup -D..., ./configure --...");
         cmd->add_option("--env", test.env, "NAME=VALUE for the build and the tests (repeatable)");
         cmd->add_option("--name", test.name,
                         "the project's name in test ids (default: the directory's name)");
         cmd->add_option("-o,--output", test.output_dir,
                         "results directory (default results/tests/<time>_<name>)");
         cmd->add_option("--timeout", test.test_timeout_seconds,
                         "seconds per test, where CTest or Meson run them (default 300)");
         cmd->add_option("--suite-timeout", test.suite_timeout_seconds,
                         "seconds for each build step and for the whole test step (default 3600)");
         cmd->add_option("--jobs", test.jobs, "parallel build and test jobs (default 2)");
         cmd->add_option("--comparison", test.comparison,
                         "a 'run' results directory whose observed differences hint at causes (default "
                         "results/runs/latest; 'none')");
         cmd->add_flag("--bare", test.bare,
                       "run the tests without the glibc locales (LOCPATH set to an empty directory)");
         cmd->add_flag("--force", test.force, "replace the -o directory if it holds earlier results");
         add_comparison_options(cmd, test.choices);
       },
       [&] { return test_command(ctx, test); }},
      {"env", "run a command with a target's toolchain (CC, CXX, LDFLAGS, CMAKE_TOOLCHAIN_FILE...)",
       [&](CLI::App* cmd) {
         cmd->add_option("target", env.target,
                         "a local target (musl, musl-static, musl-1.2.3, glibc, glibc-gcc) or a distribution "
                         "image (debian:12, alpine:3.20: the command runs inside it)")
             ->required();
         cmd->add_option("command", env.command, "the command, after '--': e.g. -- cmake -S . -B build");
         cmd->add_flag("--print", env.print,
                       "print the variables as shell exports instead of running anything");
         cmd->add_option("--engine", env.engine,
                         "distribution image targets: podman or docker (default: detect)");
       },
       [&] { return env_command(ctx, env); }},
      {"list", "list targets, areas or cases",
       [&](CLI::App* cmd) { cmd->add_option("what", what, "targets | areas | cases")->required(); },
       [&] { return list_command(ctx, what); }},
      {"doctor", "what can run here, and what is missing", [](CLI::App*) {},
       [&] { return doctor_command(ctx); }},
  };
  for (auto& c : commands) {
    c.app = app.add_subcommand(c.name, c.help);
    c.options(c.app);
  }

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
  for (const auto& command : commands)
    for (const auto* option : command.app->get_options())
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
    for (const auto& command : commands)
      if (command.app->parsed()) return command.execute();
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
