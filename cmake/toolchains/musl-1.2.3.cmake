# Target 'musl-1.2.3': clang-16 + libc++ 16 on musl 1.2.3, dynamic link.
set(LIBCDIFF_TARGET musl-1.2.3)
set(LIBCDIFF_LIBC musl)
set(LIBCDIFF_LIBC_RELEASE 1.2.3)
set(LIBCDIFF_LINK dynamic)
include(${CMAKE_CURRENT_LIST_DIR}/clang-libcxx.cmake)
