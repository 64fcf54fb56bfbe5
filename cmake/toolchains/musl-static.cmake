# Target 'musl-static': clang-16 + libc++ 16 on musl 1.2.5, static link.
set(LIBCDIFF_TARGET musl-static)
set(LIBCDIFF_LIBC musl)
set(LIBCDIFF_LIBC_RELEASE 1.2.5)
set(LIBCDIFF_LINK static)
# Same compiler flags as 'musl': GoogleTest/Benchmark archives are shared with it.
set(LIBCDIFF_DEPS musl)
include(${CMAKE_CURRENT_LIST_DIR}/clang-libcxx.cmake)
