#include "collect/elf_interpreter.hpp"

#include <gtest/gtest.h>

#include "testing/temp_dir.hpp"
#include "util/error.hpp"

namespace libcdiff::collect {
namespace {

TEST(ElfInterpreter, ReadsTheLoaderOfADynamicExecutable) {
  // The fake suite is built by the host toolchain: glibc's loader.
  EXPECT_EQ(elf_interpreter(LIBCDIFF_FAKE_SUITE), "/lib64/ld-linux-x86-64.so.2");
}

TEST(ElfInterpreter, StaticExecutableHasNone) {
  // Debian's ldconfig is linked statically (it must work while the libraries are being changed).
  EXPECT_EQ(elf_interpreter("/sbin/ldconfig"), "");
}

TEST(ElfInterpreter, RejectsWhatIsNotElf) {
  testing::TempDir dir;
  testing::write_text(dir / "script", "#!/bin/sh\n");
  EXPECT_THROW(elf_interpreter(dir / "script"), Fatal);
  EXPECT_THROW(elf_interpreter(dir / "absent"), Fatal);
}

}  // namespace
}  // namespace libcdiff::collect
