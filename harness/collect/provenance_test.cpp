#include "collect/provenance.hpp"

#include <gtest/gtest.h>

namespace libcdiff::collect {
namespace {

TEST(Provenance, ReadsTheVersionFromMuslsLoaderBanner) {
  EXPECT_EQ(parse_musl_banner_version("musl libc (x86_64)\nVersion 1.2.5\nDynamic Program Loader\n"),
            "1.2.5");
  EXPECT_EQ(parse_musl_banner_version("Version 1.2.5\n"), "") << "not a musl banner";
  EXPECT_EQ(parse_musl_banner_version(""), "");
}

TEST(Provenance, RecordsTheHarnessLibraryVersions) {
  const auto deps = harness_dependency_versions();
  for (const char* name : {"boost", "cli11", "fmt", "nlohmann_json", "pugixml", "tomlplusplus"}) {
    ASSERT_TRUE(deps.count(name)) << name;
    EXPECT_NE(deps.at(name).find('.'), std::string::npos) << name << " = " << deps.at(name);
  }
}

}  // namespace
}  // namespace libcdiff::collect
