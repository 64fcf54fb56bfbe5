# Target 'glibc-gcc': the host's g++ 12 + libstdc++ on glibc, the "native Debian" reference column.
set(LIBCDIFF_TARGET glibc-gcc)
set(LIBCDIFF_LIBC glibc)
set(LIBCDIFF_LINK dynamic)
include(${CMAKE_CURRENT_LIST_DIR}/cache-dir.cmake)
set(CMAKE_C_COMPILER gcc)
set(CMAKE_CXX_COMPILER g++)
set(CMAKE_PREFIX_PATH "${LIBCDIFF_CACHE_DIR}/deps/glibc-gcc")
set(CMAKE_FIND_USE_PACKAGE_REGISTRY OFF)
