# Shared body of the clang-16 + libc++ 16 targets. The including file sets:
#   LIBCDIFF_LIBC          musl | glibc
#   LIBCDIFF_LIBC_RELEASE  musl release of the sysroot (musl only)
#   LIBCDIFF_LINK          dynamic | static
# Both libcs get the same compiler, the same libc++ (static), compiler-rt and libunwind,
# so a musl/glibc comparison measures the libc and nothing else (DESIGN §3).
include(${CMAKE_CURRENT_LIST_DIR}/cache-dir.cmake)
if(NOT LIBCDIFF_DEPS)
  set(LIBCDIFF_DEPS "${LIBCDIFF_TARGET}")
endif()
set(CMAKE_C_COMPILER clang-16)
set(CMAKE_CXX_COMPILER clang++-16)
set(CMAKE_AR llvm-ar-16)
set(CMAKE_RANLIB llvm-ranlib-16)

if(LIBCDIFF_LIBC STREQUAL "musl")
  set(libcdiff_runtimes "${LIBCDIFF_CACHE_DIR}/runtimes/musl-${LIBCDIFF_LIBC_RELEASE}")
  set(libcdiff_sysroot "${LIBCDIFF_CACHE_DIR}/sysroot/musl-${LIBCDIFF_LIBC_RELEASE}")
  set(CMAKE_SYSTEM_NAME Linux)
  set(CMAKE_SYSTEM_PROCESSOR x86_64)
  set(CMAKE_SYSROOT "${libcdiff_sysroot}")
  set(CMAKE_C_COMPILER_TARGET x86_64-linux-musl)
  set(CMAKE_CXX_COMPILER_TARGET x86_64-linux-musl)
  set(libcdiff_cflags "--gcc-toolchain=/nonexistent")
  if(LIBCDIFF_LINK STREQUAL "static")
    set(libcdiff_link "-static")
  else()
    # The sysroot's loader link points at this musl's libc.so: the binary runs on exactly that musl,
    # whatever is (or is not) installed as /lib/ld-musl-x86_64.so.1.
    file(REAL_PATH "${libcdiff_sysroot}/lib/ld-musl-x86_64.so.1" libcdiff_loader)
    set(libcdiff_link "-Wl,--dynamic-linker=${libcdiff_loader}")
  endif()
else()
  set(libcdiff_runtimes "${LIBCDIFF_CACHE_DIR}/runtimes/glibc")
  set(libcdiff_cflags "")
  set(libcdiff_link "")
endif()

set(CMAKE_C_FLAGS_INIT "${libcdiff_cflags}")
# CMake passes CMAKE_CXX_FLAGS to the link step too, where -nostdinc++ means nothing and clang warns;
# -Wno-unused-command-line-argument keeps the build warning-free without hiding compiler diagnostics.
set(CMAKE_CXX_FLAGS_INIT "${libcdiff_cflags} -nostdinc++ -isystem ${libcdiff_runtimes}/include/c++/v1 \
-Wno-unused-command-line-argument")
# Only static libc++/libunwind archives exist in the runtimes dir, so -lc++ and -lunwind bind statically
# while the libc itself stays dynamic (unless LIBCDIFF_LINK is static).
set(CMAKE_EXE_LINKER_FLAGS_INIT
    "-stdlib=libc++ -fuse-ld=lld --rtlib=compiler-rt --unwindlib=libunwind -L${libcdiff_runtimes}/lib ${libcdiff_link}")
# Shared objects (the dynamic-linking cases' probe libraries) are plain C: no libc++ inside them.
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-fuse-ld=lld --rtlib=compiler-rt --unwindlib=none")
set(CMAKE_FIND_ROOT_PATH "${LIBCDIFF_CACHE_DIR}/deps/${LIBCDIFF_DEPS}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
