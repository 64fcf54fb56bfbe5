#include "scan/build_probes.hpp"

#include <gtest/gtest.h>

#include "store/case_catalog_toml.hpp"
#include "testing/temp_dir.hpp"

namespace libcdiff::scan {
namespace {

namespace fs = std::filesystem;

const fs::path kSuites = fs::path(LIBCDIFF_SOURCE_DIR) / "suites";

TEST(BuildProbes, EveryProbeOfTheRepositoryIsFoundWithItsCase) {
  const auto catalog = store::load_case_catalog(kSuites);
  const auto probes = probe_sources(catalog, kSuites / "build-time-api");
  std::size_t sources = 0;
  for (const auto& entry : fs::directory_iterator(kSuites / "build-time-api" / "probes"))
    sources += entry.path().extension() == ".c";
  EXPECT_EQ(probes.size(), sources) << "a probe without a case in probe_cases.cpp and cases.toml";
  bool execinfo = false;
  for (const auto& p : probes) {
    EXPECT_NE(catalog.find(p.case_id), nullptr) << p.case_id;
    execinfo |=
        p.case_id == "BuildTimeApi.ExecinfoBacktrace" && p.source.filename() == "execinfo_backtrace.c";
  }
  EXPECT_TRUE(execinfo);
  EXPECT_TRUE(probe_sources(catalog, "/nonexistent").empty());
}

TEST(BuildProbes, AnApiLeadsToItsCaseByTheCatalogThenByWhatOnlyOneProbesErrorsName) {
  const auto catalog = store::load_case_catalog(kSuites);
  const std::vector<ProbeSource> probes = {{"BuildTimeApi.ExecinfoBacktrace", "execinfo_backtrace.c"},
                                           {"BuildTimeApi.RtldDeepbind", "rtld_deepbind.c"},
                                           {"BuildTimeApi.Dlmopen", "dlmopen.c"},
                                           {"BuildTimeApi.SysCdefsH", "sys_cdefs.c"}};
  // What compiling them against musl names (the real errors' APIs), plus a name two probes share.
  const std::vector<std::vector<std::string>> named = {{"<execinfo.h>", "backtrace", "shared_name"},
                                                       {"RTLD_DEEPBIND"},
                                                       {"LM_ID_NEWLM", "shared_name"},
                                                       {"", "error"}};
  const BuildProbes index(catalog, probes, named);
  const auto id = [&](const std::string& api) {
    const auto* c = index.find(api);
    return c == nullptr ? std::string("-") : c->id;
  };
  EXPECT_EQ(id("<execinfo.h>"), "BuildTimeApi.ExecinfoBacktrace");
  EXPECT_EQ(id("backtrace"), "BuildTimeApi.ExecinfoBacktrace");
  EXPECT_EQ(id("backtrace_symbols"), "BuildTimeApi.ExecinfoBacktrace") << "from cases.toml's apis";
  EXPECT_EQ(id("RTLD_DEEPBIND"), "BuildTimeApi.RtldDeepbind");
  EXPECT_EQ(id("LM_ID_NEWLM"), "BuildTimeApi.Dlmopen");
  EXPECT_EQ(id("<sys/cdefs.h>"), "BuildTimeApi.SysCdefsH");
  EXPECT_EQ(id("__BEGIN_DECLS"), "BuildTimeApi.SysCdefsH") << "cases.toml's \"macro __BEGIN_DECLS\"";
  EXPECT_EQ(id("error"), "BuildTimeApi.ErrorH") << "cases.toml's apis come before a probe's errors";
  EXPECT_EQ(id("shared_name"), "-") << "named by two probes: neither";
  EXPECT_EQ(id(""), "-");
  EXPECT_EQ(id("getaddrinfo"), "-") << "only build-time-api cases are probes";
  EXPECT_EQ(BuildProbes().find("backtrace"), nullptr);
}

}  // namespace
}  // namespace libcdiff::scan
