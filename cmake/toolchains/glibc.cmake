# Target 'glibc': clang-16 + libc++ 16 on glibc, dynamic link.
set(LIBCDIFF_TARGET glibc)
set(LIBCDIFF_LIBC glibc)
set(LIBCDIFF_LIBC_RELEASE -)
set(LIBCDIFF_LINK dynamic)
include(${CMAKE_CURRENT_LIST_DIR}/clang-libcxx.cmake)
