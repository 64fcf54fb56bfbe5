# Toolchain used only by scripts/setup.sh to build libc++/libc++abi/libunwind 16 for one libc.
# LIBCDIFF_RUNTIMES_LIBC is "glibc" or a musl sysroot directory (passed with -D, forwarded to try_compile).
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES LIBCDIFF_RUNTIMES_LIBC)
set(CMAKE_C_COMPILER clang-16)
set(CMAKE_CXX_COMPILER clang++-16)
set(CMAKE_ASM_COMPILER clang-16)
set(CMAKE_AR llvm-ar-16)
set(CMAKE_RANLIB llvm-ranlib-16)
if(NOT LIBCDIFF_RUNTIMES_LIBC STREQUAL "glibc")
  # CMAKE_SYSROOT needs a system name, which makes CMake treat this as cross-compiling (harmless here).
  set(CMAKE_SYSTEM_NAME Linux)
  set(CMAKE_SYSTEM_PROCESSOR x86_64)
  set(CMAKE_SYSROOT "${LIBCDIFF_RUNTIMES_LIBC}")
  foreach(lang C CXX ASM)
    set(CMAKE_${lang}_COMPILER_TARGET x86_64-linux-musl)
  endforeach()
  # Without --gcc-toolchain clang still adds the host gcc's library dir to the link.
  set(CMAKE_C_FLAGS_INIT "--gcc-toolchain=/nonexistent")
  set(CMAKE_CXX_FLAGS_INIT "--gcc-toolchain=/nonexistent")
  # --unwindlib=none: there is no libgcc_eh for musl; libunwind is what we are building.
  set(CMAKE_EXE_LINKER_FLAGS_INIT "-fuse-ld=lld --rtlib=compiler-rt --unwindlib=none -static")
else()
  set(CMAKE_EXE_LINKER_FLAGS_INIT "-fuse-ld=lld")
endif()
