#include "usertest/test_record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "collect/provenance.hpp"
#include "store/atomic_file.hpp"
#include "util/text.hpp"

namespace libcdiff::usertest {
namespace {

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string file_safe(const std::string& name) {
  std::string out;
  for (char c : name.substr(0, 80))
    out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
  return out;
}

model::CaseResult to_case(const std::string& project, const TestResult& t) {
  model::CaseResult c;
  c.id = case_id(project, t.name);
  c.area = project;
  c.seconds = t.seconds;
  c.message = t.detail;
  if (t.outcome == TestOutcome::skip) {
    if (const auto why = environment_reason(t.detail); !why.empty()) {
      c.outcome = model::Outcome::skip;
      c.message = "environment (" + why + "): " + t.detail;
      return c;
    }
  }
  // Every other result is compared as an observation: fail on both libcs is the same result.
  c.outcome = model::Outcome::pass;
  c.observations["result"] = to_string(t.outcome);
  return c;
}

bool built(const model::RunRecord& r, const std::string& project) {
  for (const auto& c : r.cases)
    if (c.id == case_id(project, kBuildCase)) return c.outcome != model::Outcome::build_error;
  return false;
}

}  // namespace

void reconcile_records(std::vector<model::RunRecord>& records, const std::string& project) {
  std::map<std::string, std::vector<model::CaseResult*>> by_id;
  for (auto& r : records)
    for (auto& c : r.cases) by_id[c.id].push_back(&c);
  for (auto& r : records)
    for (auto& c : r.cases) {
      if (c.outcome != model::Outcome::skip) continue;
      const auto& others = by_id[c.id];
      const bool ran_elsewhere = std::any_of(others.begin(), others.end(), [&](const model::CaseResult* o) {
        return o != &c && o->outcome != model::Outcome::skip;
      });
      if (!ran_elsewhere) continue;
      c.outcome = model::Outcome::pass;
      c.observations["result"] = "skip";
      c.message = "skipped on " + r.target + " only, for a reason that names the environment (" + c.message +
                  "); the targets share this machine's environment, so the libc decides";
    }
  // Appended last: by_id points into the cases vectors.
  for (auto& r : records) {
    if (!built(r, project) || r.finished_at.empty()) continue;
    std::set<std::string> have;
    for (const auto& c : r.cases) have.insert(c.id);
    for (const auto& [id, results] : by_id) {
      if (have.count(id)) continue;
      model::CaseResult missing;
      missing.id = id;
      missing.area = project;
      missing.observations["result"] = "missing";
      missing.message = "no result on this target: the test did not run, or its result was not written";
      r.cases.push_back(missing);
    }
  }
}

std::string case_id(const std::string& project, const std::string& test_name) {
  return project + "." + test_name;
}

std::filesystem::path test_log_path(const std::string& target, const std::string& test_name) {
  return std::filesystem::path("logs") / util::path_safe(target) / "tests" /
         fmt::format("{}-{:08x}.log", file_safe(test_name), fnv1a(test_name) & 0xffffffffu);
}

model::RunRecord test_run_record(const ProjectRun& run, const RecordInputs& in) {
  model::RunRecord r;
  r.target = in.target->id;
  r.target_description = in.target->description;
  r.started_at = in.started_at;
  r.finished_at = run.interrupted ? "" : in.finished_at;
  auto& p = r.provenance;
  p.libc.family = in.target->libc_family;
  p.libc.version = in.libc_version;
  p.libc.version_source =
      in.target->libc_family == "musl" ? "the target's musl release" : "gnu_get_libc_version()";
  p.libc.link_mode = in.target->link_mode;
  p.compiler = in.target->compiler;
  p.cxx_library = in.target->compiler.find("libc++") != std::string::npos ? "libc++ 16" : "libstdc++";
  p.dependencies = collect::harness_dependency_versions();
  p.host = describe(in.environment);
  p.host["test.build_system"] = in.build_kind;
  p.host["test.result_sources"] = run.sources.empty() ? "none" : util::join(run.sources, ", ");

  model::SuiteRun suite;
  suite.area = in.project;
  suite.binary = in.build_kind;
  suite.elapsed_ms = run.build_ms + run.test_ms;
  suite.attempts = 1;
  model::CaseResult build;
  build.id = case_id(in.project, kBuildCase);
  build.area = in.project;
  build.seconds = static_cast<double>(run.build_ms) / 1000.0;
  if (run.interrupted) {
    suite.status = model::SuiteStatus::interrupted;
    suite.message = "interrupted";
  } else if (!run.built) {
    suite.status = model::SuiteStatus::build_error;
    suite.message = run.build_failure + "; log: " + run.build_log.string();
    build.outcome = model::Outcome::build_error;
    build.message = suite.message;
  } else {
    build.observations["result"] = "built";
    suite.message = "tests: " + run.test_status;
  }
  r.suites.push_back(suite);
  r.cases.push_back(build);
  for (const auto& t : run.tests) {
    r.cases.push_back(to_case(in.project, t));
    if (in.results_dir.empty()) continue;
    const auto path = in.results_dir / test_log_path(r.target, t.name);
    std::filesystem::create_directories(path.parent_path());
    store::write_file_atomically(path, t.log);
  }
  return r;
}

}  // namespace libcdiff::usertest
