#include "scan/risk_join.hpp"

#include <gtest/gtest.h>

#include "store/case_catalog_toml.hpp"

namespace libcdiff::scan {
namespace {

const model::CaseCatalog& catalog() {
  static const auto c = store::load_case_catalog(std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "suites");
  return c;
}

std::vector<std::string> ids(const std::vector<ScanRisk>& risks) {
  std::vector<std::string> out;
  for (const auto& r : risks) out.push_back(r.case_id);
  return out;
}

bool has(const std::vector<ScanRisk>& risks, const std::string& id) {
  const auto all = ids(risks);
  return std::find(all.begin(), all.end(), id) != all.end();
}

TEST(RiskJoin, ImportsMeetTheCasesThatExerciseThemRankedByRisk) {
  const auto risks = risks_for({"getaddrinfo", "strcoll", "printf"}, {&catalog(), nullptr, "", ""});
  EXPECT_TRUE(has(risks, "Dns.SearchStopsOnServfail"));
  EXPECT_TRUE(has(risks, "Locale.StrcollCodepointOrder"));
  for (std::size_t i = 1; i < risks.size(); ++i) {
    const auto rank = [](const std::string& r) {
      return r == "high" ? 0 : r == "medium" ? 1 : r == "low" ? 2 : 3;
    };
    EXPECT_LE(rank(risks[i - 1].risk), rank(risks[i].risk)) << risks[i].case_id;
  }
  for (const auto& r : risks) {
    EXPECT_EQ(r.cls, "not compared");
    EXPECT_FALSE(r.apis.empty());
  }
}

TEST(RiskJoin, ThreadStackHeuristicNeedsPthreadCreateWithoutAStackSize) {
  const auto bare = risks_for({"pthread_create"}, {&catalog(), nullptr, "", ""});
  ASSERT_TRUE(has(bare, "Threads.LargeStackBufferOnDefaultThread"));
  for (const auto& r : bare)
    if (r.case_id == "Threads.LargeStackBufferOnDefaultThread") {
      EXPECT_TRUE(r.heuristic);
      EXPECT_NE(r.why.find("128 KiB"), std::string::npos);
    }
  const auto sized =
      risks_for({"pthread_create", "pthread_attr_setstacksize"}, {&catalog(), nullptr, "", ""});
  EXPECT_FALSE(has(sized, "Threads.LargeStackBufferOnDefaultThread")) << "the binary sets its stack size";
  EXPECT_FALSE(
      has(risks_for({"dlopen", "dlsym"}, {&catalog(), nullptr, "", ""}), "DynamicLinking.DlcloseUnloads"))
      << "only dlclose carries the no-unload risk";
}

TEST(RiskJoin, AComparisonGivesTheObservedValuesAndDropsWhatDidNotDiffer) {
  model::Comparison c;
  c.targets.resize(2);
  c.targets[0].label = "musl";
  c.targets[1].label = "glibc";
  c.reference = "glibc";
  model::CaseComparison strcoll;
  strcoll.id = "Locale.StrcollCodepointOrder";
  strcoll.cls = model::CaseClass::expected_difference;
  strcoll.versus["musl"] = {model::CaseClass::expected_difference, "", {"strcoll_a_B"}, {}};
  strcoll.observations = {{"musl", {{"strcoll_a_B", ">0"}}}, {"glibc", {{"strcoll_a_B", "<0"}}}};
  model::CaseComparison servfail;
  servfail.id = "Dns.SearchStopsOnServfail";
  servfail.cls = model::CaseClass::same;
  servfail.versus["musl"] = {model::CaseClass::same, "", {}, {}};
  c.cases = {strcoll, servfail};
  const auto risks = risks_for({"getaddrinfo", "strcoll"}, {&catalog(), &c, "", ""});
  ASSERT_TRUE(has(risks, "Locale.StrcollCodepointOrder"));
  EXPECT_FALSE(has(risks, "Dns.SearchStopsOnServfail")) << "the comparison saw no difference";
  for (const auto& r : risks)
    if (r.case_id == "Locale.StrcollCodepointOrder") {
      EXPECT_EQ(r.cls, "expected-difference");
      EXPECT_EQ(r.observed, "strcoll_a_B: musl >0, glibc <0");
    }
}

}  // namespace
}  // namespace libcdiff::scan
