#include "usertest/project_run.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "collect/gtest_json.hpp"
#include "collect/suite_builder.hpp"
#include "usertest/junit_reader.hpp"
#include "usertest/tap_reader.hpp"
#include "usertest/trs_reader.hpp"
#include "util/error.hpp"
#include "util/file_text.hpp"
#include "util/text.hpp"

namespace libcdiff::usertest {
namespace {

namespace fs = std::filesystem;

exec::ProcessResult run_step(exec::ProcessRunner& runner, const ProjectRunInput& in, const BuildStep& step,
                             const fs::path& log, std::chrono::seconds timeout, bool header = true) {
  if (header) {
    std::ofstream out(log, std::ios::app);
    out << "\n$ " << step.command << "\n" << std::flush;
  }
  exec::ProcessSpec spec;
  spec.program = "bash";
  // ulimit -f counts 1024-byte blocks in bash.
  spec.args = {"-c", "ulimit -f " + std::to_string(in.max_file_bytes / 1024) + " && " + step.command};
  spec.working_dir = step.working_dir;
  spec.environment = in.environment;
  spec.timeout = timeout;
  spec.stdout_path = log;
  spec.stderr_path = log;
  std::error_code ec;
  fs::create_directories(step.working_dir, ec);
  return runner.run(spec);
}

TestOutcome outcome_of(const exec::ProcessResult& r) {
  switch (r.termination) {
    case exec::Termination::exited:
      return r.exit_code == 0 ? TestOutcome::pass : TestOutcome::fail;
    case exec::Termination::signaled:
      return TestOutcome::crash;
    case exec::Termination::timed_out:
      return TestOutcome::timeout;
    case exec::Termination::failed_to_start:
      return TestOutcome::error;
  }
  return TestOutcome::error;
}

void add_all(std::vector<TestResult>& out, std::vector<TestResult> more, const std::string& source,
             std::vector<std::string>& sources) {
  if (more.empty()) return;
  sources.push_back(source);
  for (auto& r : more) out.push_back(std::move(r));
}

std::vector<TestResult> gtest_results(const fs::path& dir) {
  std::vector<TestResult> out;
  std::error_code ec;
  std::vector<fs::path> files;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
    if (it->path().extension() == ".json") files.push_back(it->path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const auto prefix = "gtest:" + file.stem().string() + ":";
    try {
      for (const auto& c :
           collect::parse_gtest_json(util::read_text_if_present(file), "", file.string()).cases) {
        TestResult r;
        r.name = prefix + c.id;
        r.source = "gtest-json";
        r.outcome = c.outcome == model::Outcome::pass   ? TestOutcome::pass
                    : c.outcome == model::Outcome::skip ? TestOutcome::skip
                                                        : TestOutcome::fail;
        r.detail = c.message;
        r.log = capped_log(c.message);
        r.seconds = c.seconds;
        out.push_back(std::move(r));
      }
    } catch (const Fatal& e) {
      out.push_back({prefix + "(output)", "gtest-json", TestOutcome::error, e.line(), "", 0});
    }
  }
  return out;
}

}  // namespace

std::string first_build_error(const std::string& log) {
  if (auto line = collect::first_error_line(log); !line.empty()) return line;
  std::istringstream lines(log);
  std::string line;
  while (std::getline(lines, line))
    if (line.find("ERROR:") != std::string::npos || line.find("*** ") != std::string::npos ||
        line.find("No such file or directory") != std::string::npos)
      return util::trim(line);
  return "";
}

std::vector<TestResult> collect_results(const BuildPlan& plan, const exec::ProcessResult& test_step,
                                        const std::string& test_output, std::vector<std::string>& sources) {
  std::vector<TestResult> out;
  std::error_code ec;
  if (!plan.junit_file.empty() && fs::exists(plan.junit_file, ec)) {
    try {
      add_all(out, read_junit_file(plan.junit_file, plan.junit_source), plan.junit_source, sources);
    } catch (const Fatal& e) {
      out.push_back({"(" + plan.junit_source + ")", plan.junit_source, TestOutcome::error, e.line(), "", 0});
    }
  }
  add_all(out, read_trs_tree(plan.build_dir), "automake-trs", sources);
  add_all(out, gtest_results(plan.gtest_output_dir), "gtest-json", sources);
  if (out.empty() && looks_like_tap(test_output)) add_all(out, parse_tap(test_output), "tap", sources);
  // The step's own end is a result too: a harness that stopped half-way (a timeout, a crash) must not
  // read as "every test passed". Where the harness wrote per-test results and exited on its own, its
  // exit status only sums them up (`make check` exits 2 for any failure) and the tests are compared
  // instead; a test that then has no result on one target is "missing" there (reconcile_records).
  TestResult step{"(test command)",        "exit-status",
                  outcome_of(test_step),   test_step.describe(),
                  capped_log(test_output), static_cast<double>(test_step.elapsed.count()) / 1000.0};
  if (step.outcome == TestOutcome::pass) step.detail.clear();
  if (out.empty()) sources.push_back("exit-status");
  if (!out.empty() && test_step.termination == exec::Termination::exited) {
    step.outcome = TestOutcome::pass;
    step.detail = test_step.describe() + "; the tests' own results are compared";
  }
  out.push_back(std::move(step));
  // Two results of one name (a runner that repeats a test) would hide each other in the comparison.
  std::map<std::string, int> seen;
  for (auto& r : out)
    if (const int n = ++seen[r.name]; n > 1) r.name += " #" + std::to_string(n);
  return out;
}

ProjectRun run_project(exec::ProcessRunner& runner, const ProjectRunInput& in) {
  ProjectRun run;
  std::error_code ec;
  fs::create_directories(in.log_dir, ec);
  fs::create_directories(in.plan.gtest_output_dir, ec);
  run.build_log = in.log_dir / "build.log";
  run.test_log = in.log_dir / "test.log";
  fs::remove(run.build_log, ec);
  fs::remove(run.test_log, ec);
  const auto stopped = [&] { return in.interrupted != nullptr && in.interrupted->load(); };
  for (const auto& step : in.plan.build) {
    if (in.progress) in.progress(step.name);
    const auto r = run_step(runner, in, step, run.build_log, in.build_timeout);
    run.build_ms += r.elapsed.count();
    if (stopped()) {
      run.interrupted = true;
      return run;
    }
    if (!r.succeeded()) {
      util::cap_file(run.build_log, 16u << 20);
      const auto line = first_build_error(util::read_text_if_present(run.build_log));
      run.failed_step = step.name;
      run.build_failure = step.name + " failed (" + r.describe() + ")" + (line.empty() ? "" : ": " + line);
      return run;
    }
  }
  util::cap_file(run.build_log, 16u << 20);
  run.built = true;
  if (!in.plan.list_tests.command.empty()) {
    const auto listing = in.log_dir / "test-programs.json";
    fs::remove(listing, ec);
    if (run_step(runner, in, in.plan.list_tests, listing, std::chrono::seconds(120), false).succeeded()) {
      const auto text = util::read_text_if_present(listing);
      run.programs =
          in.plan.list_format == "ctest" ? parse_ctest_show_only(text) : parse_meson_introspect_tests(text);
    }
  }
  if (in.progress) in.progress("test");
  // Leftovers of an earlier attempt in the same directory would be read as this run's results.
  fs::remove_all(in.plan.gtest_output_dir, ec);
  fs::create_directories(in.plan.gtest_output_dir, ec);
  if (!in.plan.junit_file.empty()) fs::remove(in.plan.junit_file, ec);
  const auto r = run_step(runner, in, in.plan.test, run.test_log, in.test_timeout);
  run.test_ms = r.elapsed.count();
  run.test_status = r.describe();
  if (stopped()) {
    run.interrupted = true;
    return run;
  }
  util::cap_file(run.test_log, 16u << 20);
  run.tests = collect_results(in.plan, r, util::read_text_if_present(run.test_log), run.sources);
  return run;
}

}  // namespace libcdiff::usertest
