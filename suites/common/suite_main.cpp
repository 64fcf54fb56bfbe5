// Shared main of every suite binary: identifies the libc before any case runs, so each JSON result
// says which libc produced it even when read on its own.
#include <gtest/gtest.h>

#include <string>

#include "common/case_marker.hpp"
#include "common/libc_identity.hpp"

namespace {

class IdentityEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { libcdiff::suite::record_libc_identity(); }
};

}  // namespace

// A suite may define this to run helper modes of its own binary ("--libcdiff-helper ..."): the DNS
// cases resolve in a fresh exec of the suite so that no resolver state is cached between cases.
extern "C" int libcdiff_suite_helper(int argc, char** argv) __attribute__((weak));

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "--libcdiff-helper" && libcdiff_suite_helper != nullptr)
    return libcdiff_suite_helper(argc - 2, argv + 2);
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new IdentityEnvironment);  // gtest takes ownership
  libcdiff::suite::install_case_marker();
  return RUN_ALL_TESTS();
}
