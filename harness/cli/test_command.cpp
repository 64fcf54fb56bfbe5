#include "cli/test_command.hpp"

#include <gnu/libc-version.h>

#include "store/case_catalog_toml.hpp"
#include "store/results_dir.hpp"
#include "store/run_record_json.hpp"
#include "targets/build_environment.hpp"
#include "targets/target.hpp"
#include "ui/progress.hpp"
#include "usertest/annotate.hpp"
#include "usertest/build_plan.hpp"
#include "usertest/project_run.hpp"
#include "usertest/test_environment.hpp"
#include "usertest/test_record.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::cli {
namespace {

namespace fs = std::filesystem;

// The area and id prefix: letters, digits, '-', '_' and '.' of the name given or the directory's.
std::string project_name(const TestOptions& o, const fs::path& source) {
  std::string raw = o.name.empty() ? source.filename().string() : o.name;
  std::string out;
  for (char c : raw) out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '-';
  if (out.empty()) throw usage_error("--name", "leaves no usable name", "give letters, digits, '-' or '_'");
  return out;
}

model::CaseCatalog project_catalog(const std::string& project, const fs::path& source) {
  model::CaseCatalog catalog;
  catalog.areas.push_back(
      {project, "Tests of " + project + " (" + source.string() + ")",
       "Each test of the project's own suite, built and run on every target. A test whose result differs "
       "between the targets is behaviour your code meets on the other libc; one that fails on both is not "
       "a libc difference. Skips the environment explains (a missing locale or tool) are labelled so."});
  return catalog;
}

fs::path hint_source(Context& ctx, const TestOptions& o) {
  if (o.comparison == "none") return {};
  const fs::path dir =
      o.comparison.empty() ? ctx.repo_root / "results" / "runs" / "latest" : fs::path(o.comparison);
  std::error_code ec;
  if (!o.comparison.empty() && !fs::exists(dir / "comparison.json", ec))
    throw usage_error("--comparison " + o.comparison, "holds no comparison.json",
                      "give a results directory of 'libcdiff run', or 'none'");
  return dir;
}

}  // namespace

int test_command(Context& ctx, const TestOptions& o) {
  std::error_code ec;
  const fs::path source = fs::weakly_canonical(fs::absolute(o.path), ec);
  if (!fs::is_directory(source, ec))
    throw usage_error(o.path, "is not a directory", "give the project's source directory");
  if (o.test_timeout_seconds <= 0 || o.suite_timeout_seconds <= 0 || o.jobs <= 0)
    throw usage_error("--timeout/--suite-timeout/--jobs", "must be positive", "give e.g. --timeout 300");
  if (!o.build.empty() && !o.build_command.empty())
    throw usage_error("--build " + o.build, "and --build-cmd both say how to build", "give one of them");
  const auto kind = !o.build_command.empty() ? usertest::BuildKind::custom
                    : !o.build.empty()       ? usertest::build_kind_from_string(o.build)
                                             : usertest::detect_build_kind(source);
  const auto project = project_name(o, source);
  const auto targets = targets::parse_target_list(o.targets);
  if (targets.size() < 2)
    throw usage_error("--targets " + o.targets, "names one target; test compares two or more",
                      "give e.g. --targets musl,glibc");
  std::vector<targets::BuildEnvironment> environments;
  for (const auto& t : targets) {
    if (t.in_container())
      throw usage_error("--targets " + o.targets,
                        "names the image target " + t.id + "; test builds on local targets",
                        "use musl, musl-static, musl-1.2.3, glibc or glibc-gcc (or 'libcdiff env " + t.id +
                            " -- CMD' to build inside the image)");
    environments.push_back(targets::build_environment(t, ctx.cache_dir, ctx.repo_root));
    if (const auto missing = targets::missing_setup(t, ctx.cache_dir); !missing.empty())
      throw environment_error(t.id, "is not set up here (" + missing + ")",
                              "run scripts/setup.sh (or ./run.sh) first");
  }
  const auto hints_dir = hint_source(ctx, o);
  std::vector<std::pair<std::string, std::string>> user_env;
  for (const auto& e : o.env) {
    const auto eq = e.find('=');
    if (eq == std::string::npos || eq == 0)
      throw usage_error("--env " + e, "is not NAME=VALUE", "write e.g. --env USE_VALGRIND=0");
    user_env.push_back({e.substr(0, eq), e.substr(eq + 1)});
  }
  const auto project_cases = project_catalog(project, source);
  const auto policy = run::load_policy(o.choices, project_cases, fs::current_path(), false);

  // Every check that needs no work runs before the results directory is claimed: a bad option leaves
  // nothing behind.
  usertest::make_build_plan(
      {source, "/", kind, o.build_command, o.test_command, o.jobs, o.test_timeout_seconds, o.configure_args});
  if (!o.output_dir.empty()) {
    const auto wanted = fs::weakly_canonical(fs::absolute(o.output_dir), ec);
    if (wanted == source || wanted.string().starts_with(source.string() + "/"))
      throw usage_error(o.output_dir, "is inside the project's source tree, which test never writes",
                        "give -o a directory outside " + source.string());
  }
  const auto started = ctx.clock.now();
  const bool default_output = o.output_dir.empty();
  const fs::path out_dir = default_output ? store::claim_new_run_dir(ctx.repo_root / "results" / "tests",
                                                                     store::run_dir_name(started, {project}))
                                          : fs::absolute(o.output_dir);
  if (!default_output) store::claim_output_dir(out_dir, o.force);

  const auto empty_locales = out_dir / "work" / "empty-locales";
  fs::create_directories(empty_locales, ec);
  const auto environment = usertest::read_test_environment(ctx.runner, ctx.tool_environment, out_dir / "work",
                                                           o.bare, empty_locales);
  ctx.out << "libcdiff test: " << project << " (" << usertest::to_string(kind) << ") on "
          << util::join(
                 [&] {
                   std::vector<std::string> ids;
                   for (const auto& t : targets) ids.push_back(t.id);
                   return ids;
                 }(),
                 ", ")
          << "; results in " << out_dir.string() << "\n"
          << "  environment: " << environment.locales.size() << " locales"
          << (o.bare ? " (--bare: glibc locales hidden)" : "") << ", valgrind "
          << environment.tools.at("valgrind") << "\n";

  ui::Progress progress(ctx.out, static_cast<int>(targets.size()));
  std::vector<model::RunRecord> records;
  usertest::AnnotateInputs annotate;
  annotate.project = project;
  annotate.results_dir = out_dir;
  annotate.source_dir = source;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const auto& target = targets[i];
    progress.step(target.id + ": building " + project);
    const auto work = out_dir / "work" / util::path_safe(target.id);
    usertest::BuildPlanInput plan_in{
        source,          work, kind, o.build_command, o.test_command, o.jobs, o.test_timeout_seconds,
        o.configure_args};
    usertest::ProjectRunInput run_in;
    run_in.plan = usertest::make_build_plan(plan_in);
    auto env = environments[i].applied_to(ctx.tool_environment);
    env["GTEST_OUTPUT"] = "json:" + run_in.plan.gtest_output_dir.string() + "/";
    // For --build-cmd/--test-cmd: where the untouched sources and this target's build are.
    env["LIBCDIFF_PROJECT_SOURCE_DIR"] = source.string();
    env["LIBCDIFF_PROJECT_BUILD_DIR"] = run_in.plan.build_dir.string();
    if (o.bare)
      for (const auto& [k, v] : usertest::bare_variables(empty_locales)) env[k] = v;
    for (const auto& [k, v] : user_env) env[k] = v;
    run_in.environment = env;
    run_in.log_dir = out_dir / "logs" / util::path_safe(target.id);
    run_in.build_timeout = std::chrono::seconds(o.suite_timeout_seconds);
    run_in.test_timeout = std::chrono::seconds(o.suite_timeout_seconds);
    run_in.interrupted = &ctx.interrupted;
    run_in.progress = [&](const std::string& step) { progress.note(step); };
    const auto started_at = util::iso8601_utc(ctx.clock.now());
    const auto run = usertest::run_project(ctx.runner, run_in);
    usertest::RecordInputs rec{project,
                               &target,
                               target.libc_family == "musl" ? target.musl_release : ::gnu_get_libc_version(),
                               started_at,
                               util::iso8601_utc(ctx.clock.now()),
                               usertest::to_string(kind),
                               environment,
                               out_dir};
    records.push_back(usertest::test_run_record(run, rec));
    store::save_run_record(out_dir / store::run_record_file_name(target.id), records.back());
    if (run.interrupted) {
      ctx.err << "libcdiff: interrupted; what finished is kept in " << out_dir.string()
              << " (run records are marked unfinished)." << std::endl;
      return 130;
    }
    if (!run.built)
      progress.note("did not build: " + run.build_failure + " (log: " + run.build_log.string() + ")");
    else
      progress.note(std::to_string(run.tests.size()) + " results from " + util::join(run.sources, ", ") +
                    "; tests " + run.test_status);
    annotate.target_of[target.id] = target.id;
    annotate.build_dir_of[target.id] = run_in.plan.build_dir;
    annotate.programs_of[target.id] = run.programs;
    if (target.libc_family == "musl" && annotate.musl_version.empty())
      annotate.musl_version = target.musl_release;
  }
  usertest::reconcile_records(records, project);
  for (const auto& r : records) store::save_run_record(out_dir / store::run_record_file_name(r.target), r);
  if (default_output)
    if (const auto problem = store::update_latest_link(ctx.repo_root / "results" / "tests", out_dir);
        !problem.empty())
      ctx.err << "libcdiff: warning: " << problem << std::endl;
  const auto suite_cases = store::load_case_catalog(ctx.repo_root / "suites");
  annotate.catalog = &suite_cases;
  if (!hints_dir.empty()) annotate.observed = usertest::load_observed_differences(hints_dir);
  return run::compare_and_report(
      ctx, out_dir, records, o.choices, policy, project_cases, [&](model::Comparison& comparison) {
        usertest::warn_about(comparison, usertest::annotate_test_comparison(comparison, annotate));
      });
}

}  // namespace libcdiff::cli
