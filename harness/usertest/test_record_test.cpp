#include "usertest/test_record.hpp"

#include <gtest/gtest.h>

#include "testing/temp_dir.hpp"

namespace libcdiff::usertest {
namespace {

const model::CaseResult* find(const model::RunRecord& r, const std::string& id) {
  for (const auto& c : r.cases)
    if (c.id == id) return &c;
  return nullptr;
}

TEST(TestRecord, ResultsAreObservationsAndEnvironmentSkipsStaySkips) {
  testing::TempDir dir;
  ProjectRun run;
  run.built = true;
  run.tests = {{"t-fail", "tap", TestOutcome::fail, "", "want 1\n", 0},
               {"t-skip-locale", "tap", TestOutcome::skip, "fr_FR.UTF-8 locale not installed", "", 0},
               {"t-skip-other", "tap", TestOutcome::skip, "no support for %n", "", 0}};
  const auto& musl = targets::find_target("musl");
  RecordInputs in{"proj", &musl, "1.2.5", "s", "f", "make", {}, dir.path()};
  const auto r = test_run_record(run, in);
  EXPECT_EQ(r.provenance.libc.family, "musl");
  EXPECT_EQ(r.provenance.host.at("test.build_system"), "make");
  ASSERT_NE(find(r, "proj.(build)"), nullptr);
  EXPECT_EQ(find(r, "proj.(build)")->observations.at("result"), "built");
  // Failing on both libcs is the same result, not a failed assertion: the outcome stays pass.
  EXPECT_EQ(find(r, "proj.t-fail")->outcome, model::Outcome::pass);
  EXPECT_EQ(find(r, "proj.t-fail")->observations.at("result"), "fail");
  EXPECT_EQ(find(r, "proj.t-skip-locale")->outcome, model::Outcome::skip);
  EXPECT_NE(find(r, "proj.t-skip-locale")->message.find("environment (locale)"), std::string::npos);
  // A skip the environment does not explain may be the libc's doing: compared as a result.
  EXPECT_EQ(find(r, "proj.t-skip-other")->outcome, model::Outcome::pass);
  EXPECT_EQ(find(r, "proj.t-skip-other")->observations.at("result"), "skip");
  EXPECT_EQ(testing::read_text(dir.path() / test_log_path("musl", "t-fail")), "want 1\n");
}

TEST(TestRecord, AFailedBuildIsAnErrorWithTheLog) {
  ProjectRun run;
  run.built = false;
  run.build_failure = "configure failed (exit 1): configure: error: no C compiler";
  run.build_log = "/r/logs/musl/build.log";
  const auto& glibc = targets::find_target("glibc");
  const auto r = test_run_record(run, {"proj", &glibc, "2.36", "s", "f", "autotools", {}, ""});
  ASSERT_EQ(r.cases.size(), 1u);
  EXPECT_EQ(r.cases[0].outcome, model::Outcome::build_error);
  EXPECT_NE(r.cases[0].message.find("log: /r/logs/musl/build.log"), std::string::npos);
  EXPECT_EQ(r.suites[0].status, model::SuiteStatus::build_error);
}

TEST(TestRecord, LogPathsAreSafeAndDistinct) {
  EXPECT_NE(test_log_path("musl", "a/b"), test_log_path("musl", "a_b"));
  EXPECT_EQ(test_log_path("musl", "x y:z").parent_path(), std::filesystem::path("logs/musl/tests"));
}

}  // namespace
}  // namespace libcdiff::usertest

namespace libcdiff::usertest {
namespace {

model::RunRecord record(const std::string& target, std::vector<model::CaseResult> cases, bool builds = true) {
  model::RunRecord r;
  r.target = target;
  r.finished_at = "t";
  model::CaseResult build;
  build.id = case_id("p", kBuildCase);
  build.outcome = builds ? model::Outcome::pass : model::Outcome::build_error;
  r.cases.push_back(build);
  for (auto& c : cases) r.cases.push_back(c);
  return r;
}

model::CaseResult result(const std::string& name, const std::string& value) {
  model::CaseResult c;
  c.id = case_id("p", name);
  c.observations["result"] = value;
  return c;
}

TEST(TestRecord, ReconcileMarksMissingTestsAndOneSidedEnvironmentSkips) {
  model::CaseResult env_skip;
  env_skip.id = case_id("p", "locale-test");
  env_skip.outcome = model::Outcome::skip;
  env_skip.message = "environment (locale): no french locale";
  model::CaseResult both_skip = env_skip;
  both_skip.id = case_id("p", "net-test");
  std::vector<model::RunRecord> records = {
      record("musl", {env_skip, both_skip}),
      record("glibc", {result("locale-test", "pass"), both_skip, result("only-glibc", "pass")})};
  reconcile_records(records, "p");
  const auto find = [](const model::RunRecord& r, const std::string& name) {
    for (const auto& c : r.cases)
      if (c.id == case_id("p", name)) return c;
    throw std::runtime_error("no " + name);
  };
  EXPECT_EQ(find(records[0], "only-glibc").observations.at("result"), "missing");
  // Same machine, one target ran it: the libc decides, so it is compared.
  EXPECT_EQ(find(records[0], "locale-test").outcome, model::Outcome::pass);
  EXPECT_EQ(find(records[0], "locale-test").observations.at("result"), "skip");
  EXPECT_NE(find(records[0], "locale-test").message.find("skipped on musl only"), std::string::npos);
  // Skipped everywhere for the environment: stays a labelled skip.
  EXPECT_EQ(find(records[0], "net-test").outcome, model::Outcome::skip);
  EXPECT_EQ(find(records[1], "net-test").outcome, model::Outcome::skip);

  // A target that did not build gets no "missing" tests: its build error is the answer.
  std::vector<model::RunRecord> broken = {record("musl", {}, false), record("glibc", {result("t", "pass")})};
  reconcile_records(broken, "p");
  EXPECT_EQ(broken[0].cases.size(), 1u);
}

}  // namespace
}  // namespace libcdiff::usertest
