// `libcdiff scan` end to end on real binaries: the acceptance program of issue 13 (built for glibc
// by the host compiler), a static binary, and an image archive, against the musl target setup made.
#include "cli/scan_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <tuple>

#include "exec/boost_process_runner.hpp"
#include "targets/target.hpp"
#include "testing/cli_harness.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::cli {
namespace {

using libcdiff::testing::read_text;
using libcdiff::testing::TempDir;
namespace fs = std::filesystem;

struct RealCli {
  exec::BoostProcessRunner runner;
  libcdiff::testing::FixedClock clock;
  std::ostringstream out, err;
  std::atomic<bool> interrupted{false};
  int run(const std::vector<std::string>& args) {
    Context ctx{runner, clock, LIBCDIFF_SOURCE_DIR, default_cache_dir(), out, err, interrupted, {}};
    return run_cli(ctx, args);
  }
};

std::set<std::string> risk_ids(const nlohmann::json& binary) {
  std::set<std::string> ids;
  for (const auto& r : binary["risks"]) ids.insert(r["case"].get<std::string>());
  return ids;
}

TEST(ScanCommand, TheAcceptanceProgramGetsExactlyItsMissingSymbolAndRisksInEveryFormat) {
  TempDir dir;
  RealCli cli;
  const auto out = dir / "scan";
  ASSERT_EQ(cli.run({"scan", LIBCDIFF_SCAN_PROBE, "--comparison", "none", "-o", out.string()}), 1)
      << "it needs a rebuild: " << cli.out.str() << cli.err.str();
  const auto j = nlohmann::json::parse(read_text(out / "scan.json"));
  ASSERT_EQ(j["binaries"].size(), 1u);
  const auto& b = j["binaries"][0];
  EXPECT_EQ(b["verdict"], "needs-rebuild");
  EXPECT_EQ(b["linked_libc"], "glibc");
  ASSERT_EQ(b["missing"].size(), 1u) << b["missing"].dump() << ": qsort_r is in musl since 1.2.3";
  EXPECT_EQ(b["missing"][0]["name"], "backtrace");
  EXPECT_EQ(b["missing"][0]["cause"], "gnu-extension");
  EXPECT_EQ(b["missing"][0]["build_probe"], "BuildTimeApi.ExecinfoBacktrace");
  const auto ids = risk_ids(b);
  for (const char* expected :
       {"Locale.StrcollCodepointOrder", "Dns.SearchStopsOnServfail", "Dns.NdotsNoSearchFallback",
        "Threads.DefaultStackSize", "DynamicLinking.DlcloseUnloads"})
    EXPECT_TRUE(ids.count(expected)) << expected << " missing from " << b["risks"].dump();
  EXPECT_FALSE(ids.count("BuildTimeApi.QsortRGnuOrder")) << "qsort_r works on musl 1.2.5";
  for (const auto& r : b["risks"]) {
    const std::string id = r["case"];
    if (id == "Threads.DefaultStackSize" || id == "DynamicLinking.DlcloseUnloads") {
      EXPECT_TRUE(r["heuristic"].get<bool>()) << id << " comes from an import pattern";
    }
    if (id == "Locale.StrcollCodepointOrder") {
      EXPECT_EQ(r["apis"], nlohmann::json::array({"strcoll"}));
    }
  }
  const std::string md = read_text(out / "scan.md");
  EXPECT_NE(md.find("`backtrace` (probe: `BuildTimeApi.ExecinfoBacktrace`)"), std::string::npos) << md;
  EXPECT_NE(md.find("`Threads.DefaultStackSize` (heuristic)"), std::string::npos) << md;
  const auto sarif = nlohmann::json::parse(read_text(out / "scan.sarif"));
  std::set<std::string> rules;
  for (const auto& r : sarif["runs"][0]["tool"]["driver"]["rules"]) rules.insert(r["id"].get<std::string>());
  EXPECT_TRUE(rules.count("missing-symbol/gnu-extension"));
  for (const auto& id : ids) EXPECT_TRUE(rules.count(id)) << id;
  EXPECT_EQ(sarif["runs"][0]["results"].size(), ids.size() + 1);
}

TEST(ScanCommand, AStaticBinaryDoesNotDependOnTheLibcAndBadInputIsOneLineEach) {
  TempDir dir;
  libcdiff::testing::write_text(dir / "not-elf", "#!/bin/sh\necho hi\n");
  libcdiff::testing::write_text(dir / "truncated", std::string("\x7f"
                                                               "ELF\x02\x01\x01",
                                                               7));
  RealCli cli;
  const auto out = dir / "scan";
  const auto busybox = fs::path("/bin/busybox");
  ASSERT_TRUE(fs::exists(busybox)) << "setup installs busybox-static";
  EXPECT_EQ(cli.run({"scan", busybox.string(), (dir / "not-elf").string(), (dir / "truncated").string(),
                     "/no/such/path", "--comparison", "none", "-o", out.string()}),
            0)
      << cli.out.str() << cli.err.str();
  const auto j = nlohmann::json::parse(read_text(out / "scan.json"));
  ASSERT_EQ(j["binaries"].size(), 1u);
  EXPECT_EQ(j["binaries"][0]["verdict"], "not-dynamic");
  ASSERT_EQ(j["problems"].size(), 3u) << j["problems"].dump();
  for (const auto& p : j["problems"]) EXPECT_EQ(p.get<std::string>().find('\n'), std::string::npos);
}

TEST(ScanCommand, AnImageArchiveIsScannedInsideItsOwnRoot) {
  TempDir dir;
  // A docker-save archive with one layer holding the probe and busybox, as an engine writes it.
  fs::create_directories(dir / "layer" / "usr" / "bin");
  fs::copy_file(LIBCDIFF_SCAN_PROBE, dir / "layer" / "usr" / "bin" / "probe");
  fs::copy_file("/bin/busybox", dir / "layer" / "usr" / "bin" / "busybox");
  fs::create_directories(dir / "image");
  exec::BoostProcessRunner runner;
  const auto tar = [&](const fs::path& from, const fs::path& to) {
    exec::ProcessSpec spec;
    spec.program = "tar";
    spec.args = {"-c", "-f", to.string(), "-C", from.string(), "."};
    ASSERT_TRUE(runner.run(spec).succeeded());
  };
  tar(dir / "layer", dir / "image" / "layer.tar");
  libcdiff::testing::write_text(dir / "image" / "manifest.json", R"([{"Layers":["layer.tar"]}])");
  tar(dir / "image", dir / "image.tar");
  RealCli cli;
  EXPECT_EQ(
      cli.run({"scan", (dir / "image.tar").string(), "--comparison", "none", "-o", (dir / "scan").string()}),
      1);
  const auto j = nlohmann::json::parse(read_text(dir / "scan" / "scan.json"));
  std::map<std::string, std::string> verdicts;
  for (const auto& b : j["binaries"]) verdicts[b["path"]] = b["verdict"];
  EXPECT_EQ(verdicts["/usr/bin/probe"], "needs-rebuild") << j["binaries"].dump();
  EXPECT_EQ(verdicts["/usr/bin/busybox"], "not-dynamic");
  EXPECT_FALSE(fs::exists(dir / "scan" / ".unpacked")) << "the unpacked image is removed";
}

// Issue 13 item 5 end to end: a tiny project's compile_commands.json recompiled with the real
// clang-16 against musl 1.2.5's headers; a.c uses backtrace from <execinfo.h> and error() from
// <error.h>, b.c only what both libcs have. Exactly those four APIs, at their lines, with probes.
TEST(ScanCommand, ACompilationDatabaseGetsExactlyItsMissingApisAtTheirLinesInEveryFormat) {
  TempDir dir;
  const auto project = dir / "project";
  libcdiff::testing::write_text(project / "src" / "a.c",
                                "#include <stdio.h>\n"
                                "#include <execinfo.h>\n"
                                "#include <error.h>\n"
                                "\n"
                                "void crash_handler(void) {\n"
                                "  void* frames[32];\n"
                                "  int n = backtrace(frames, 32);\n"
                                "  error(1, 0, \"crashed with %d frames\", n);\n"
                                "}\n");
  libcdiff::testing::write_text(project / "src" / "b.c",
                                "#include <stdio.h>\n"
                                "#include <string.h>\n"
                                "#include \"b.h\"\n"
                                "int main(void) {\n"
                                "  char b[8];\n"
                                "  snprintf(b, sizeof b, \"%s\", GREETING);\n"
                                "  return (int)strlen(b);\n"
                                "}\n");
  libcdiff::testing::write_text(project / "include" / "b.h", "#define GREETING \"hi\"\n");
  fs::create_directories(project / "build");
  const auto build = (project / "build").string();
  libcdiff::testing::write_text(
      project / "compile_commands.json",
      "[{\"directory\": \"" + build +
          "\", \"file\": \"../src/a.c\", \"command\": \"/usr/bin/cc -O2 -g -Wall "
          "-D_GNU_SOURCE -o a.o -c ../src/a.c\"},\n"
          " {\"directory\": \"" +
          build +
          "\", \"file\": \"../src/b.c\", \"arguments\": [\"/usr/bin/cc\", \"-I../include\", "
          "\"-isystem\", \"/usr/include\", \"-MD\", \"-MF\", \"b.o.d\", \"-o\", \"b.o\", \"-c\", "
          "\"../src/b.c\"]}]\n");
  RealCli cli;
  const auto out = dir / "scan";
  // The directory holding compile_commands.json: its sources are compiled, its files scanned.
  ASSERT_EQ(cli.run({"scan", project.string(), "--comparison", "none", "-o", out.string()}), 1)
      << "a source that does not compile against musl fails the scan: " << cli.out.str() << cli.err.str();
  const auto j = nlohmann::json::parse(read_text(out / "scan.json"));
  EXPECT_TRUE(j["binaries"].empty());
  EXPECT_TRUE(j["problems"].empty()) << j["problems"].dump();
  ASSERT_EQ(j["sources"].size(), 1u);
  const auto& src = j["sources"][0];
  EXPECT_EQ(src["compile_commands"], (project / "compile_commands.json").string());
  EXPECT_EQ(src["translation_units"], 2);
  EXPECT_EQ(src["failed"], 1);
  EXPECT_EQ(src["failed_with_glibc"], 0);
  EXPECT_TRUE(src["glibc_errors"].empty()) << src["glibc_errors"].dump();
  EXPECT_TRUE(src["problems"].empty()) << src["problems"].dump();
  const auto a = (project / "src" / "a.c").string();
  std::map<std::string, std::tuple<std::string, int, int, std::string>> got;
  for (const auto& g : src["apis"]) {
    ASSERT_EQ(g["locations"].size(), 1u) << g.dump();
    const auto& l = g["locations"][0];
    got[g["api"].get<std::string>()] = {l["file"].get<std::string>(), l["line"].get<int>(),
                                        l["column"].get<int>(), g["build_probe"].get<std::string>()};
  }
  using Place = std::tuple<std::string, int, int, std::string>;
  EXPECT_EQ(got, (std::map<std::string, Place>{{"<execinfo.h>", {a, 2, 10, "BuildTimeApi.ExecinfoBacktrace"}},
                                               {"<error.h>", {a, 3, 10, "BuildTimeApi.ErrorH"}},
                                               {"backtrace", {a, 7, 11, "BuildTimeApi.ExecinfoBacktrace"}},
                                               {"error", {a, 8, 3, "BuildTimeApi.ErrorH"}}}))
      << src["apis"].dump();

  const std::string md = read_text(out / "scan.md");
  EXPECT_NE(md.find("| `<execinfo.h>` | 1 | `BuildTimeApi.ExecinfoBacktrace` | `" + a + ":2:10` |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("- `" + a + ":8:3` `error`: call to undeclared function 'error'"), std::string::npos)
      << md;
  const auto sarif = nlohmann::json::parse(read_text(out / "scan.sarif"));
  const auto& results = sarif["runs"][0]["results"];
  ASSERT_EQ(results.size(), 4u) << results.dump();
  std::set<std::tuple<std::string, std::string, int, int>> located;
  for (const auto& r : results) {
    const auto& where = r["locations"][0]["physicalLocation"];
    located.insert({r["ruleId"].get<std::string>(), where["artifactLocation"]["uri"].get<std::string>(),
                    where["region"]["startLine"].get<int>(), where["region"]["startColumn"].get<int>()});
  }
  const auto uri = "file://" + a;
  EXPECT_EQ(located, (std::set<std::tuple<std::string, std::string, int, int>>{
                         {"BuildTimeApi.ExecinfoBacktrace", uri, 2, 10},
                         {"BuildTimeApi.ErrorH", uri, 3, 10},
                         {"BuildTimeApi.ExecinfoBacktrace", uri, 7, 11},
                         {"BuildTimeApi.ErrorH", uri, 8, 3}}));
  EXPECT_NE(cli.out.str().find("2 translation units against musl's headers: 1 do not compile"),
            std::string::npos)
      << cli.out.str();
  EXPECT_FALSE(fs::exists(out / ".unpacked")) << "stand-in headers and logs are removed";

  // --fail-on never: the same findings, exit 0.
  RealCli again;
  EXPECT_EQ(again.run({"scan", (project / "compile_commands.json").string(), "--comparison", "none",
                       "--fail-on", "never", "-o", (dir / "scan2").string()}),
            0)
      << again.out.str() << again.err.str();
}

TEST(ScanCommand, ABrokenCompilationDatabaseIsOneLine) {
  TempDir dir;
  libcdiff::testing::write_text(dir / "compile_commands.json", "[{\"file\": \"a.c\"}]");
  RealCli cli;
  EXPECT_EQ(cli.run({"scan", (dir / "compile_commands.json").string(), "--comparison", "none", "-o",
                     (dir / "scan").string()}),
            2)
      << "nothing could be read";
  const auto j = nlohmann::json::parse(read_text(dir / "scan" / "scan.json"));
  ASSERT_EQ(j["problems"].size(), 1u);
  EXPECT_EQ(j["problems"][0], (dir / "compile_commands.json").string() +
                                  ": is not a compilation database (entry 1 has no \"directory\")");
}

TEST(ScanCommand, NothingToCheckIsAnErrorNotAnAllClear) {
  TempDir dir;
  libcdiff::testing::write_text(dir / "tree" / "script.sh", "#!/bin/sh\n");
  RealCli cli;
  EXPECT_EQ(cli.run({"scan", (dir / "tree").string(), "--comparison", "none", "-o", (dir / "scan").string()}),
            2);
  EXPECT_NE(cli.err.str().find("no ELF programs or libraries"), std::string::npos) << cli.err.str();
  EXPECT_TRUE(fs::exists(dir / "scan" / "scan.json")) << "the (empty) results are still written";
}

TEST(ScanCommand, RefusesATargetThatIsNotLocal) {
  RealCli cli;
  EXPECT_EQ(cli.run({"scan", "/bin/true", "--to", "musl-image"}), 2);
  EXPECT_NE(cli.err.str().find("--to musl-image: is not a local target"), std::string::npos) << cli.err.str();
}

// The reverse direction end to end: a musl program (musl's libc soname and loader, strlcpy which
// glibc 2.36 lacks), a program of the next Debian release (needs GLIBC_2.38) and one of this
// machine's (loads), against this machine's glibc.
TEST(ScanCommand, ToGlibcNamesMuslOnlyApisAndNewerGlibcVersions) {
  TempDir dir;
  const auto cache = default_cache_dir();
  const auto musl_gcc =
      cache / ("musl-" + targets::find_target("musl").musl_release) / "root/usr/bin/x86_64-linux-musl-gcc";
  const auto trixie_ls = cache / "trixie-programs/root/usr/bin/ls";
  ASSERT_TRUE(fs::exists(musl_gcc) && fs::exists(trixie_ls)) << "run scripts/setup.sh";
  libcdiff::testing::write_text(
      dir / "p.c",
      "#include <string.h>\nsize_t strlcpy(char*, const char*, size_t);\n"
      "int main(int c, char** v) { char b[4]; return (int)strlcpy(b, v[0], 4) + c; }\n");
  exec::BoostProcessRunner runner;
  exec::ProcessSpec cc;
  cc.program = musl_gcc;
  cc.args = {(dir / "p.c").string(), "-o", (dir / "musl-prog").string()};
  ASSERT_TRUE(runner.run(cc).succeeded());
  RealCli cli;
  const auto out = dir / "scan";
  EXPECT_EQ(cli.run({"scan", "--to", "glibc", (dir / "musl-prog").string(), trixie_ls.string(), "/usr/bin/ls",
                     "--comparison", "none", "-o", out.string()}),
            1)
      << cli.out.str() << cli.err.str();
  const auto j = nlohmann::json::parse(read_text(out / "scan.json"));
  std::map<std::string, nlohmann::json> by_path;
  for (const auto& b : j["binaries"]) by_path[b["path"]] = b;
  const auto& musl_prog = by_path[(dir / "musl-prog").string()];
  EXPECT_EQ(musl_prog["verdict"], "needs-rebuild");
  EXPECT_EQ(musl_prog["linked_libc"], "musl");
  ASSERT_EQ(musl_prog["missing"].size(), 1u) << musl_prog.dump();
  EXPECT_EQ(musl_prog["missing"][0]["name"], "strlcpy");
  EXPECT_EQ(musl_prog["missing"][0]["cause"], "musl-only");
  ASSERT_EQ(musl_prog["missing_libraries"].size(), 1u);
  EXPECT_TRUE(musl_prog["missing_libraries"][0].get<std::string>().starts_with("libc.so (needed by"));
  const auto& newer = by_path[trixie_ls.string()];
  EXPECT_EQ(newer["verdict"], "needs-rebuild");
  for (const auto& m : newer["missing"]) EXPECT_EQ(m["cause"], "missing-version") << m.dump();
  EXPECT_NE(newer["missing_libraries"].dump().find("defines no version GLIBC_2.38"), std::string::npos)
      << newer.dump();
  EXPECT_EQ(by_path["/usr/bin/ls"]["verdict"], "loads");
  EXPECT_NE(read_text(out / "scan.md").find("The reverse direction"), std::string::npos);
  const auto sarif = nlohmann::json::parse(read_text(out / "scan.sarif"));
  std::set<std::string> rules;
  for (const auto& r : sarif["runs"][0]["tool"]["driver"]["rules"]) rules.insert(r["id"].get<std::string>());
  EXPECT_TRUE(rules.count("missing-symbol/musl-only"));
  EXPECT_TRUE(rules.count("missing-symbol/missing-version"));
}

}  // namespace
}  // namespace libcdiff::cli
