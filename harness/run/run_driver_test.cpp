// A whole run through the driver with a fake runtime and the fake process runner: the suites "run"
// by writing the gtest JSON a real suite would, so everything from the build results to the saved
// records is exercised without a compiler or a libc.
#include "run/run_driver.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "store/case_catalog_toml.hpp"
#include "store/run_record_json.hpp"
#include "testing/fake_process_runner.hpp"
#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::run {
namespace {

using libcdiff::testing::TempDir;

class FakeRuntime final : public Runtime {
 public:
  FakeRuntime(std::string id, bool available, std::string failing_area)
      : id_(std::move(id)), available_(available), failing_area_(std::move(failing_area)) {}
  void check_available() override {
    if (!available_) throw environment_error(id_, "cannot run here", "install it");
  }
  collect::BuildResult build(const BuildInputs& inputs) override {
    collect::BuildResult result;
    for (const auto& area : inputs.areas) {
      result.areas[area].binary = "/fake/" + id_ + "/suite_" + area;
      if (area == failing_area_) result.areas[area].error = area + ": compiler error";
    }
    result.program_sizes["hello_c_static"] = id_ == "musl" ? 13736 : 770504;
    return result;
  }
  std::string build_description() const override { return ""; }
  void prepare_suite(collect::SuiteRunOptions& options, const std::string&,
                     const std::map<std::string, std::string>& environment,
                     const collect::DnsLab* lab) override {
    options.environment = environment;
    labs_seen.push_back(lab != nullptr);
  }
  Prefix command_prefix(const std::string&, const std::filesystem::path&,
                        const std::map<std::string, std::string>& environment) override {
    return {{}, environment, {}};
  }
  std::map<std::string, long long> footprint() const override { return {}; }
  std::string engine_description() const override { return ""; }
  std::vector<bool> labs_seen;

 private:
  std::string id_;
  bool available_;
  std::string failing_area_;
};

// An area hook that counts its calls and adds a variable, as the DNS lab hook does.
class CountingHook final : public AreaHook {
 public:
  explicit CountingHook(int& calls) : calls_(calls) {}
  std::string area() const override { return "dns"; }
  AreaSetting prepare(const std::filesystem::path&,
                      const std::function<void(const std::string&)>& note) override {
    ++calls_;
    note("lab unavailable in this test");
    return {{{"LIBCDIFF_DNS_LAB_UNAVAILABLE", "no lab in a unit test"}}, nullptr};
  }

 private:
  int& calls_;
};

// The gtest JSON a suite binary of `target` would write for `area`'s first case in the catalog.
std::string gtest_json(const std::string& target, const std::string& case_id) {
  const auto dot = case_id.find('.');
  nlohmann::json test = {{"name", case_id.substr(dot + 1)},
                         {"result", "COMPLETED"},
                         {"time", "0.004s"},
                         {"obs.value", target == "musl" ? "1" : "2"}};
  return nlohmann::json({{"libc.family", target == "musl" ? "musl" : "glibc"},
                         {"libc.version", target == "musl" ? "1.2.5" : "2.36"},
                         {"testsuites", {{{"name", case_id.substr(0, dot)}, {"testsuite", {test}}}}}})
      .dump();
}

struct DriverTest : ::testing::Test {
  libcdiff::testing::FakeProcessRunner runner;
  libcdiff::testing::FixedClock clock;
  std::ostringstream out, err;
  std::atomic<bool> interrupted{false};
  TempDir dir;
  model::CaseCatalog catalog =
      store::load_case_catalog(std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "suites");
  std::vector<std::string> suite_order;  // "<binary>" in the order suites ran
  std::map<std::string, std::map<std::string, std::string>> suite_environments;
  int hook_calls = 0;
  std::string failing_area;
  std::map<std::string, FakeRuntime*> runtimes;

  std::string first_case(const std::string& area) {
    for (const auto& [id, meta] : catalog.cases)
      if (meta.area == area) return id;
    return "";
  }

  void SetUp() override {
    runner.respond = [this](const exec::ProcessSpec& s) {
      const std::string flag = "--gtest_output=json:";
      if (!s.args.empty() && s.args[0].starts_with(flag)) {
        const auto name = s.program.filename().string();  // suite_<area>
        const auto target = s.program.parent_path().filename().string();
        suite_order.push_back(target + " " + name.substr(6));
        suite_environments[target + " " + name.substr(6)] =
            s.environment.value_or(std::map<std::string, std::string>{});
        libcdiff::testing::write_text(s.args[0].substr(flag.size()),
                                      gtest_json(target, first_case(name.substr(6))));
      }
      return libcdiff::testing::exited(0);
    };
  }

  RunResult run(RunPlan plan, std::function<void()> on_unavailable = {}, std::string unavailable = "") {
    cli::Context ctx{runner, clock, LIBCDIFF_SOURCE_DIR, dir / "cache", out, err, interrupted, {}};
    AreaHooks hooks;
    hooks.push_back(std::make_unique<CountingHook>(hook_calls));
    plan.out_dir = dir / "out";
    plan.build_root = dir / "build";
    plan.setup_targets = false;
    std::filesystem::create_directories(plan.out_dir);
    RunDriver driver(
        ctx, std::move(plan), catalog,
        [&](const targets::Target& t, exec::ContainerSession*) {
          auto r = std::make_unique<FakeRuntime>(t.id, t.id != unavailable, failing_area);
          runtimes[t.id] = r.get();
          return r;
        },
        std::move(hooks));
    return driver.run(on_unavailable);
  }

  RunPlan plan(std::vector<std::string> areas) {
    RunPlan p;
    p.targets = targets::parse_target_list("musl,glibc");
    p.areas = std::move(areas);
    return p;
  }
};

TEST_F(DriverTest, AWholeRunBuildsRunsInterleavedAndKeepsFinishedRecords) {
  const auto result = run(plan({"locale", "dns"}));
  ASSERT_FALSE(result.interrupted);
  EXPECT_EQ(suite_order, (std::vector<std::string>{"musl locale", "glibc locale", "musl dns", "glibc dns"}))
      << "each area on every target before the next area";
  ASSERT_EQ(result.records.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& r = result.records[i];
    EXPECT_FALSE(r.finished_at.empty());
    EXPECT_EQ(r.suites.size(), 2u);
    for (const auto& s : r.suites) EXPECT_EQ(s.status, model::SuiteStatus::ok) << s.message;
    ASSERT_EQ(r.cases.size(), 2u);
    EXPECT_DOUBLE_EQ(r.cases[0].seconds, 0.004);
    EXPECT_EQ(r.provenance.libc.family, i == 0 ? "musl" : "glibc") << "provenance from the suite's identity";
    EXPECT_EQ(r.footprint.at("size.hello_c_static"), i == 0 ? 13736 : 770504);
    // What is on disk is what was returned.
    const auto saved = store::load_run_record(result.record_paths[i]);
    EXPECT_EQ(saved.cases.size(), r.cases.size());
    EXPECT_EQ(saved.finished_at, r.finished_at);
  }
  EXPECT_EQ(result.records[0].cases[0].observations.at("value"), "1");
  EXPECT_EQ(hook_calls, 2) << "the dns hook, once per target";
  EXPECT_EQ(suite_environments["musl dns"].at("LIBCDIFF_DNS_LAB_UNAVAILABLE"), "no lab in a unit test");
  EXPECT_EQ(suite_environments["musl locale"].count("LIBCDIFF_DNS_LAB_UNAVAILABLE"), 0u) << "only its area";
  EXPECT_TRUE(suite_environments["glibc locale"].count("LIBCDIFF_CASE_MARKER"));
  EXPECT_EQ(suite_environments["glibc locale"].at("PATH"), "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
  EXPECT_NE(out.str().find("[1/6] building suites for musl"), std::string::npos) << out.str();
}

TEST_F(DriverTest, ALabelNamesEverySideOfTheRun) {
  auto p = plan({"locale"});
  p.label = "nightly";
  const auto result = run(std::move(p));
  EXPECT_EQ(result.records[0].label, "musl@nightly");
  EXPECT_EQ(result.records[1].label, "glibc@nightly");
}

TEST_F(DriverTest, ASuiteThatWritesNoResultsLeavesNoCaseWithoutAnAnswer) {
  runner.respond = [](const exec::ProcessSpec&) { return libcdiff::testing::exited(0); };  // no JSON written
  const auto result = run(plan({"locale"}));
  const auto& r = result.records[0];
  ASSERT_EQ(r.suites.size(), 1u);
  EXPECT_FALSE(model::suite_answered(r.suites[0].status)) << "no JSON: the suite has no answer";
  std::size_t locale_cases = 0;
  for (const auto& [id, meta] : catalog.cases) locale_cases += meta.area == "locale" ? 1 : 0;
  EXPECT_EQ(r.cases.size(), locale_cases) << "every case of the area is in the record";
  for (const auto& c : r.cases) EXPECT_EQ(c.outcome, model::Outcome::crash) << c.id;
}

TEST_F(DriverTest, AnAreaThatDidNotBuildIsABuildErrorForEachOfItsCases) {
  failing_area = "dns";
  const auto result = run(plan({"locale", "dns"}));
  const auto& r = result.records[1];
  ASSERT_EQ(r.suites.size(), 2u);
  EXPECT_EQ(r.suites[1].status, model::SuiteStatus::build_error);
  EXPECT_EQ(r.suites[1].message, "dns: compiler error");
  int errors = 0;
  for (const auto& c : r.cases) errors += c.area == "dns" && c.outcome == model::Outcome::build_error ? 1 : 0;
  EXPECT_GT(errors, 10);
  EXPECT_EQ(suite_order, (std::vector<std::string>{"musl locale", "glibc locale"}))
      << "nothing to run for dns";
}

TEST_F(DriverTest, AnInterruptionKeepsTheSuitesThatFinishedUnfinishedRecordsStayMarked) {
  auto respond = runner.respond;
  runner.respond = [&, respond](const exec::ProcessSpec& s) {
    auto r = respond(s);
    if (suite_order.size() == 2) interrupted = true;  // Ctrl-C while glibc's locale suite runs
    return r;
  };
  const auto result = run(plan({"locale", "dns"}));
  EXPECT_TRUE(result.interrupted);
  const auto musl = store::load_run_record(result.record_paths[0]);
  EXPECT_TRUE(musl.finished_at.empty());
  EXPECT_EQ(musl.suites.size(), 1u) << "musl's locale suite finished and is kept";
  EXPECT_EQ(store::load_run_record(result.record_paths[1]).suites.size(), 0u) << "the killed suite is not";
}

TEST_F(DriverTest, ATargetThatCannotRunStopsBeforeAnyBuild) {
  bool cleaned = false;
  EXPECT_THROW(run(
                   plan({"locale"}), [&] { cleaned = true; }, "musl"),
               Fatal);
  EXPECT_TRUE(cleaned) << "the caller removes the empty directory";
  EXPECT_TRUE(suite_order.empty());
}

}  // namespace
}  // namespace libcdiff::run
