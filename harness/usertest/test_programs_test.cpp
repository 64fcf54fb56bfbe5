#include "usertest/test_programs.hpp"

#include <gtest/gtest.h>

namespace libcdiff::usertest {
namespace {

TEST(TestPrograms, ReadsCtestAndMesonListings) {
  const auto ctest = parse_ctest_show_only(
      R"({"kind":"ctestInfo","tests":[{"name":"strerror_text","command":["/b/t1","--x"]},{"name":"nocmd"}]})");
  ASSERT_EQ(ctest.size(), 1u);
  EXPECT_EQ(ctest.at("strerror_text"), "/b/t1");
  const auto meson = parse_meson_introspect_tests(R"([{"name":"test-bidi","cmd":["/b/tests/run","a"]}])");
  EXPECT_EQ(find_program(meson, "fribidi.test-bidi"), "/b/tests/run");
  EXPECT_EQ(find_program(meson, "test-bidi"), "/b/tests/run");
  EXPECT_EQ(find_program(meson, "xtest-bidi"), "") << "a suffix match needs a separator";
  EXPECT_TRUE(parse_ctest_show_only("not json").empty());
}

}  // namespace
}  // namespace libcdiff::usertest
