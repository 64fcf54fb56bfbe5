#include "cli/case_selection.hpp"

#include <gtest/gtest.h>

#include "util/error.hpp"

namespace libcdiff::cli {
namespace {

model::CaseCatalog catalog() {
  model::CaseCatalog c;
  c.cases["Locale.WcwidthSamples"].area = "locale";
  c.cases["Locale.SweepWcwidth"].area = "locale";
  c.cases["Time.StrptimeBasics"].area = "time";
  c.cases["Dns.Ndots"].area = "dns";
  return c;
}

std::string error_of(const std::string& list, const std::vector<std::string>& areas) {
  try {
    select_cases(catalog(), list, areas);
  } catch (const Fatal& e) {
    return e.line();
  }
  return "";
}

TEST(CaseSelection, KeepsTheCasesAndOnlyTheAreasThatHoldThem) {
  const auto s =
      select_cases(catalog(), "Time.StrptimeBasics, Locale.SweepWcwidth", {"dns", "locale", "time"});
  EXPECT_EQ(s.cases, (std::set<std::string>{"Locale.SweepWcwidth", "Time.StrptimeBasics"}));
  EXPECT_EQ(s.areas, (std::vector<std::string>{"locale", "time"}));
}

TEST(CaseSelection, UnknownIdsAndExcludedAreasAreOneLineErrors) {
  EXPECT_NE(error_of("Locale.WcwidthSample", {"locale"}).find("id you mean 'Locale.WcwidthSamples'"),
            std::string::npos);
  EXPECT_NE(error_of("Dns.Ndots", {"locale"}).find("which --areas leaves out"), std::string::npos);
  EXPECT_NE(error_of(",", {"locale"}).find("names no case"), std::string::npos);
}

}  // namespace
}  // namespace libcdiff::cli
