#include "store/run_record_json.hpp"

#include <gtest/gtest.h>

#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::store {
namespace {

using libcdiff::testing::TempDir;

model::RunRecord sample() {
  model::RunRecord r;
  r.target = "musl";
  r.target_description = "musl 1.2.5";
  r.started_at = "2026-11-26T10:00:00Z";
  r.finished_at = "2026-11-26T10:01:00Z";
  r.provenance.libc = {"musl", "1.2.5", "banner", "/lib/ld-musl-x86_64.so.1", "1.2.5-3.1~deb13u1", "dynamic"};
  r.provenance.compiler = "clang 16.0.6";
  r.provenance.cxx_library = "libc++ 160006";
  r.provenance.thread_default_stack_bytes = 133920;
  r.provenance.host = {{"cores", "2"}};
  r.provenance.dependencies = {{"fmt", "9.1.0"}};
  r.suites.push_back(
      {"locale", "/b/suite_locale", model::SuiteStatus::recovered, "Locale.X: SIGSEGV", 2, 12});
  r.cases.push_back({"Locale.A", "locale", model::Outcome::pass, "", {{"k", "M\xc3\xa4rz"}, {"empty", ""}}});
  r.cases.push_back({"Locale.X", "locale", model::Outcome::crash, "SIGSEGV", {}, 0.25});
  r.cases.push_back(
      {"Locale.SweepWcwidth",
       "locale",
       model::Outcome::pass,
       "",
       {},
       1.5,
       {"logs/musl/sweeps/Locale.SweepWcwidth.sweep.tsv", 1114112, "fnv1a64:0123456789abcdef"}});
  r.benchmarks.push_back({"BM_malloc_free_single/64", "malloc", "cpu", {25.5, 24.9, 26.1}});
  r.benchmark_context = {{"library_build_type", "release"}};
  r.footprint = {{"size.hello_c_static", 30000}};
  return r;
}

Fatal load_error(const std::filesystem::path& path) {
  try {
    load_run_record(path);
  } catch (const Fatal& e) {
    return e;
  }
  throw std::runtime_error("expected Fatal for " + path.string());
}

TEST(RunRecordJson, RoundTripsEveryField) {
  TempDir dir;
  const auto original = sample();
  save_run_record(dir / "run-musl.json", original);
  const auto loaded = load_run_record(dir / "run-musl.json");
  EXPECT_EQ(run_record_to_json(loaded), run_record_to_json(original));
  EXPECT_EQ(loaded.cases[0].observations.at("k"), "M\xc3\xa4rz");
  EXPECT_EQ(loaded.cases[1].outcome, model::Outcome::crash);
  EXPECT_EQ(loaded.provenance.thread_default_stack_bytes, 133920);
  EXPECT_EQ(loaded.cases[2].sweep.table, "logs/musl/sweeps/Locale.SweepWcwidth.sweep.tsv");
  EXPECT_EQ(loaded.cases[2].sweep.keys, 1114112);
  EXPECT_FALSE(loaded.cases[0].sweep.present());
  EXPECT_EQ(loaded.location, dir.path()) << "sweep tables are found relative to the record's directory";
}

TEST(RunRecordJson, InvalidUtf8NeverAbortsASave) {
  TempDir dir;
  auto record = sample();
  record.cases[0].observations["raw"] = "\xff\xfe";  // a value no collector cleaned
  EXPECT_NO_THROW(save_run_record(dir / "run-musl.json", record));
  EXPECT_NO_THROW(load_run_record(dir / "run-musl.json"));
}

TEST(RunRecordJson, AnOversizedFileIsRefusedBeforeParsing) {
  TempDir dir;
  const auto path = dir / "run-musl.json";
  testing::write_text(path, "{}");
  std::filesystem::resize_file(path, kMaxRunRecordBytes + 1);  // sparse: costs no disk
  const auto e = load_error(path);
  EXPECT_NE(e.line().find("more than a run record can be"), std::string::npos) << e.line();
}

TEST(RunRecordJson, TruncatedFileIsRejectedWithItsName) {
  TempDir dir;
  const std::string text = run_record_to_json(sample()).dump(2);
  testing::write_text(dir / "run-musl.json", text.substr(0, text.size() / 3));
  const auto e = load_error(dir / "run-musl.json");
  EXPECT_EQ(e.code(), ExitCode::usage);
  EXPECT_NE(e.line().find("run-musl.json: is not valid JSON"), std::string::npos) << e.line();
}

TEST(RunRecordJson, UnknownSchemaVersionIsRefused) {
  TempDir dir;
  auto j = run_record_to_json(sample());
  j["schema_version"] = 99;
  testing::write_text(dir / "run-musl.json", j.dump());
  const auto e = load_error(dir / "run-musl.json");
  EXPECT_NE(e.line().find("schema_version 99"), std::string::npos) << e.line();
}

TEST(RunRecordJson, OtherJsonIsNotARunRecord) {
  TempDir dir;
  testing::write_text(dir / "x.json", "{\"tests\": 3}");
  EXPECT_NE(load_error(dir / "x.json").line().find("is not a libcdiff run record"), std::string::npos);
}

TEST(RunRecordJson, UnknownOutcomeIsReportedAsDamage) {
  TempDir dir;
  auto j = run_record_to_json(sample());
  j["cases"][0]["outcome"] = "exploded";
  testing::write_text(dir / "run-musl.json", j.dump());
  EXPECT_NE(load_error(dir / "run-musl.json").line().find("is damaged"), std::string::npos);
}

// Found by the long fuzz run under UBSan: a float where an integer belongs was cast out of range.
TEST(RunRecordJson, FloatsWhereIntegersBelongAreDamage) {
  auto j = run_record_to_json(sample());
  j["footprint"]["size.hello_c_static"] = 2e71;
  EXPECT_THROW(run_record_from_text(j.dump(), "r.json"), Fatal);
  j = run_record_to_json(sample());
  j["provenance"]["thread_default_stack_bytes"] = 1.5e300;
  EXPECT_THROW(run_record_from_text(j.dump(), "r.json"), Fatal);
}

TEST(RunRecordJson, HugeNumbersAreDamageNotACrash) {
  EXPECT_THROW(run_record_from_text(R"({"schema_version": 1e99999})", "r.json"), Fatal);
}

}  // namespace
}  // namespace libcdiff::store
