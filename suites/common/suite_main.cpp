// Shared main of every suite binary: identifies the libc before any case runs, so each JSON result
// says which libc produced it even when read on its own.
#include <gtest/gtest.h>

#include "common/libc_identity.hpp"

namespace {

class IdentityEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { libcdiff::suite::record_libc_identity(); }
};

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new IdentityEnvironment);  // gtest takes ownership
  return RUN_ALL_TESTS();
}
