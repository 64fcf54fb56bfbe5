#include "cli/app.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "store/run_record_json.hpp"
#include "targets/target.hpp"
#include "testing/cli_harness.hpp"
#include "testing/fake_process_runner.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::cli {
namespace {

using libcdiff::testing::TempDir;

using libcdiff::testing::CliHarness;
using Harness = CliHarness;
using libcdiff::testing::locale_record;

TEST(Cli, CompareOnAMissingDirectoryIsAUsageError) {
  Harness h;
  EXPECT_EQ(h.run({"compare", "/nonexistent/run"}), 2);
  EXPECT_EQ(h.error_line(),
            "libcdiff: error: /nonexistent/run: no such results directory or run record. Pass a directory "
            "written by "
            "'libcdiff run' (e.g. results/runs/latest) or a run-<target>.json.");
}

TEST(Cli, CompareOnTruncatedJsonNamesTheFile) {
  Harness h;
  TempDir dir;
  store::save_run_record(dir / "run-musl.json", locale_record("musl", "musl", ">0"));
  const std::string text = libcdiff::testing::read_text(dir / "run-musl.json");
  libcdiff::testing::write_text(dir / "run-glibc.json", text.substr(0, 40));
  EXPECT_EQ(h.run({"compare", dir.path().string(), "-o", (dir / "out").string()}), 2);
  EXPECT_NE(h.error_line().find("run-glibc.json: is not valid JSON"), std::string::npos);
}

TEST(Cli, CompareOnUnknownSchemaVersionIsRefused) {
  Harness h;
  TempDir dir;
  auto j = store::run_record_to_json(locale_record("musl", "musl", ">0"));
  j["schema_version"] = 7;
  libcdiff::testing::write_text(dir / "run-musl.json", j.dump());
  store::save_run_record(dir / "run-glibc.json", locale_record("glibc", "glibc", "<0"));
  EXPECT_EQ(h.run({"compare", dir.path().string()}), 2);
  EXPECT_NE(h.error_line().find("has schema_version 7, this libcdiff reads version 1"), std::string::npos);
}

TEST(Cli, CompareTwoSavedRecordsWritesTheReport) {
  Harness h;
  TempDir dir;
  std::filesystem::create_directories(dir / "a");
  std::filesystem::create_directories(dir / "b");
  store::save_run_record(dir / "a" / "run-glibc.json", locale_record("glibc", "glibc", "<0"));
  store::save_run_record(dir / "b" / "run-musl.json", locale_record("musl", "musl", ">0"));
  EXPECT_EQ(h.run({"compare", (dir / "a").string(), (dir / "b").string(), "-o", (dir / "out").string()}), 0)
      << h.err.str();
  EXPECT_TRUE(std::filesystem::exists(dir / "out" / "comparison.json"));
  EXPECT_TRUE(std::filesystem::exists(dir / "out" / "junit.xml"));
  const std::string report = libcdiff::testing::read_text(dir / "out" / "report.md");
  EXPECT_NE(report.find("# libcdiff report: `glibc` vs `musl`"), std::string::npos) << "sides in input order";
  EXPECT_NE(report.find("(reference `glibc`)"), std::string::npos) << "the first glibc side is the reference";
  EXPECT_NE(h.out.str().find("expected-difference    1"), std::string::npos) << h.out.str();
}

TEST(Cli, CompareADirectoryWithOneRecordNeedsASecondInput) {
  Harness h;
  TempDir dir;
  store::save_run_record(dir / "run-musl.json", locale_record("musl", "musl", ">0"));
  EXPECT_EQ(h.run({"compare", dir.path().string()}), 2);
  EXPECT_NE(h.error_line().find("holds one run record, and a comparison needs two. Pass two or more runs"),
            std::string::npos);
}

TEST(Cli, RunWithAnUnknownTargetSuggestsOne) {
  Harness h;
  EXPECT_EQ(h.run({"run", "--targets", "nosuch"}), 2);
  EXPECT_TRUE(
      h.error_line().starts_with("libcdiff: error: nosuch: is not a known target. Known targets: musl"))
      << h.err.str();
  EXPECT_TRUE(h.runner.calls.empty()) << "nothing may be built for bad input";
}

TEST(Cli, RunWithAnUnwritableOutputFailsBeforeAnyWork) {
  Harness h;
  TempDir dir;
  libcdiff::testing::write_text(dir / "file", "x");
  EXPECT_EQ(h.run({"run", "-o", (dir / "file").string()}), 2);
  EXPECT_NE(h.error_line().find("exists and is not a directory"), std::string::npos) << h.err.str();
  EXPECT_TRUE(h.runner.calls.empty());
}

TEST(Cli, RunWhoseSetupFailsIsAnEnvironmentErrorNamingTheLog) {
  Harness h;  // its cache directory is empty, and the (fake) setup leaves it so
  TempDir out;
  EXPECT_EQ(h.run({"run", "-o", out.path().string()}), 3);
  EXPECT_NE(h.error_line().find("its toolchain could not be set up"), std::string::npos) << h.err.str();
  EXPECT_NE(h.error_line().find("setup-musl.log"), std::string::npos) << h.err.str();
  for (const auto& call : h.runner.calls) EXPECT_NE(call.program, "cmake") << "nothing may be built";
}

TEST(Cli, ATargetIsSetUpOnItsFirstUse) {
  Harness h;
  TempDir out, build;
  std::vector<std::string> set_up;
  h.runner.respond = [&](const exec::ProcessSpec& s) {
    if (s.program == "bash" && !s.args.empty() && s.args[0].ends_with("scripts/setup.sh")) {
      set_up.push_back(s.args.at(2));
      EXPECT_EQ(s.environment->at("LIBCDIFF_CACHE_DIR"), h.cache.path().string()) << "the run's own cache";
      for (const auto& entry : targets::find_target(s.args.at(2)).cache_entries)
        libcdiff::testing::write_text(h.cache / entry / ".libcdiff-done", "stamp\n");
    }
    return libcdiff::testing::exited(0);
  };
  h.run({"run", "--targets", "musl-1.2.3,glibc-gcc", "--areas", "math", "-o", (out / "run").string(),
         "--build-dir", build.path().string()});
  EXPECT_EQ(set_up, (std::vector<std::string>{"musl-1.2.3", "glibc-gcc"}));
  EXPECT_NE(h.out.str().find("setting up musl-1.2.3 on its first use"), std::string::npos) << h.out.str();
  const bool built = std::any_of(h.runner.calls.begin(), h.runner.calls.end(),
                                 [](const auto& c) { return c.program == "cmake"; });
  EXPECT_TRUE(built) << "after setting up, the run goes on";
}

TEST(Cli, RunWithAnUnknownEngineIsAUsageError) {
  Harness h;
  EXPECT_EQ(h.run({"run", "--targets", "musl-image,glibc-image", "--engine", "lxc"}), 2);
  EXPECT_NE(h.error_line().find("Use --engine podman or --engine docker"), std::string::npos) << h.err.str();
  EXPECT_TRUE(h.runner.calls.empty());
}

TEST(Cli, DistributionTargetWithoutARegistryFailsFastWithOneLine) {
  Harness h;
  h.runner.respond = [](const exec::ProcessSpec& s) {
    exec::ProcessResult r;
    r.termination = exec::Termination::exited;
    const bool docker_daemon = s.program == "docker" && !s.args.empty() && s.args[0] == "version";
    const bool inspect = std::find(s.args.begin(), s.args.end(), "inspect") != s.args.end();
    const bool pull = std::find(s.args.begin(), s.args.end(), "pull") != s.args.end();
    if (pull) std::ofstream(s.stdout_path) << "Error: pinging container registry: no such host\n";
    r.exit_code = docker_daemon || inspect || pull ? 125 : 0;
    return r;
  };
  TempDir out;
  EXPECT_EQ(h.run({"run", "--targets", "alpine:3.20", "-o", (out / "run").string()}), 3);
  EXPECT_NE(h.error_line().find("image docker.io/library/alpine:3.20 cannot be pulled"), std::string::npos)
      << h.err.str();
  for (const auto& call : h.runner.calls) EXPECT_NE(call.program, "cmake") << "nothing may be built";
  EXPECT_FALSE(std::filesystem::exists(out / "run" / "run-alpine-3.20.json"));
}

TEST(Cli, RunWithAnUnknownAreaSuggestsOne) {
  Harness h;
  EXPECT_EQ(h.run({"run", "--areas", "locle"}), 2);
  EXPECT_NE(h.error_line().find("Did you mean 'locale'?"), std::string::npos);
}

TEST(Cli, RunRefusesALabelThatCannotNameASide) {
  Harness h;
  EXPECT_EQ(h.run({"run", "--targets", "musl,glibc,glibc-gcc", "--label", "night ly"}), 2);
  EXPECT_NE(h.error_line().find("--label night ly: may hold only letters"), std::string::npos) << h.err.str();
}

TEST(Cli, UnknownCommandSuggestsTheClosest) {
  Harness h;
  EXPECT_EQ(h.run({"compre"}), 2);
  EXPECT_EQ(
      h.error_line(),
      "libcdiff: error: compre: is not a libcdiff command. Did you mean 'compare'? Run 'libcdiff --help'.");
}

TEST(Cli, ListShowsTargetsAreasAndCases) {
  Harness h;
  EXPECT_EQ(h.run({"list", "targets"}), 0);
  EXPECT_NE(h.out.str().find("musl-static"), std::string::npos);
  EXPECT_EQ(h.run({"list", "areas"}), 0);
  EXPECT_NE(h.out.str().find("locale"), std::string::npos);
  EXPECT_EQ(h.run({"list", "cases"}), 0);
  EXPECT_NE(h.out.str().find("Locale.StrcollCodepointOrder"), std::string::npos);
  EXPECT_EQ(h.run({"list", "nonsense"}), 2);
}

TEST(Cli, DoctorSaysWhatIsMissing) {
  Harness h;
  EXPECT_EQ(h.run({"doctor"}), 3);
  EXPECT_NE(h.out.str().find("musl         cannot run:"), std::string::npos) << h.out.str();
}

TEST(Cli, DoctorReadsInstalledLocalesEvenWithoutACacheDirectory) {
  // A user who never ran setup has no cache directory: the locales must still be read correctly.
  libcdiff::testing::FakeProcessRunner runner;
  runner.respond = [](const exec::ProcessSpec& s) {
    if (s.program == "locale") std::ofstream(s.stdout_path) << "C.utf8\nde_DE.utf8\nen_US.utf8\n";
    return libcdiff::testing::exited(0);
  };
  libcdiff::testing::FixedClock clock;
  std::ostringstream out, err;
  std::atomic<bool> interrupted{false};
  TempDir home;
  Context ctx{runner, clock, LIBCDIFF_SOURCE_DIR, home / "no-cache-yet", out, err, interrupted, {}};
  run_cli(ctx, {"doctor"});
  EXPECT_NE(out.str().find("de_DE.utf8   installed"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("fr_FR.utf8   missing"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace libcdiff::cli

namespace libcdiff::cli {
namespace {

// Stamps every cache entry the two default targets need, as a finished setup would.
void pretend_setup_ran(const std::filesystem::path& cache) {
  for (const char* id : {"musl", "glibc"})
    for (const auto& entry : targets::find_target(id).cache_entries)
      libcdiff::testing::write_text(cache / entry / ".libcdiff-done", "stamp\n");
}

TEST(Cli, SuitesThatDoNotConfigureAreAnErrorNeverAllClear) {
  Harness h;
  pretend_setup_ran(h.cache.path());
  h.runner.respond = [](const exec::ProcessSpec& s) {
    const bool configure = std::find(s.args.begin(), s.args.end(), "-S") != s.args.end();
    if (configure) std::ofstream(s.stdout_path) << "CMake Error: CMAKE_CXX_COMPILER clang++-16 not found\n";
    return libcdiff::testing::exited(configure ? 1 : 0);
  };
  TempDir out, build;
  const int code =
      h.run({"run", "--areas", "locale", "-o", (out / "run").string(), "--build-dir", build.path().string()});
  EXPECT_EQ(code, 1) << "a target that did not build must fail the run\n" << h.out.str();
  const auto junit = libcdiff::testing::read_text(out / "run" / "junit.xml");
  EXPECT_NE(junit.find("<error message=\"did not build or run: configuring the suites failed"),
            std::string::npos)
      << junit.substr(0, 2000);
  EXPECT_EQ(junit.find("<skipped"), std::string::npos) << "no case may read as skipped";
  EXPECT_NE(h.out.str().find("Needs attention"), std::string::npos) << h.out.str();
}

TEST(Cli, AnAreaNamedTwiceIsBuiltAndRunOnce) {
  Harness h;
  pretend_setup_ran(h.cache.path());
  TempDir out, build;
  int locale_builds = 0;
  h.runner.respond = [&](const exec::ProcessSpec& s) {
    if (std::find(s.args.begin(), s.args.end(), "-S") != s.args.end())
      for (const char* target : {"musl", "glibc"})
        libcdiff::testing::write_text(build / target / "build.ninja", "");
    if (std::find(s.args.begin(), s.args.end(), "suite_locale") != s.args.end()) ++locale_builds;
    return libcdiff::testing::exited(0);
  };
  h.run({"run", "--areas", "locale,,locale", "-o", (out / "run").string(), "--build-dir",
         build.path().string()});
  EXPECT_EQ(locale_builds, 2) << "once per target";
}

TEST(Cli, EmptyOptionValuesAreRefusedNotTakenAsDefaults) {
  for (const char* option : {"--areas", "-o", "--targets"}) {
    Harness h;
    EXPECT_EQ(h.run({"run", option, ""}), 2) << option;
    EXPECT_NE(h.error_line().find("was given an empty value"), std::string::npos) << h.err.str();
  }
}

TEST(Cli, BenchOnlyWithoutABenchmarkAreaIsRefused) {
  Harness h;
  EXPECT_EQ(h.run({"run", "--bench-only", "--areas", "locale"}), 2);
  EXPECT_NE(h.error_line().find("names no benchmark area"), std::string::npos) << h.err.str();
}

TEST(Cli, RepetitionsBelowTwoAreRefused) {
  Harness h;
  EXPECT_EQ(h.run({"run", "--bench", "--repetitions", "0"}), 2);
  EXPECT_TRUE(h.runner.calls.empty());
}

TEST(Cli, AHugeArgumentIsNotEchoedWhole) {
  Harness h;
  EXPECT_EQ(h.run({"run", "--targets", std::string(100000, 'x')}), 2);
  EXPECT_LT(h.err.str().size(), 2000u) << "the error line must stay one readable line";
}

TEST(Cli, AnOutputDirectoryHoldingARunIsRefusedWithTheRemedy) {
  Harness h;
  TempDir out;
  libcdiff::testing::write_text(out / "run-musl.json", "{}");
  EXPECT_EQ(h.run({"run", "-o", out.path().string()}), 2);
  EXPECT_NE(h.error_line().find("--force"), std::string::npos) << h.err.str();
}

}  // namespace
}  // namespace libcdiff::cli
