# crypt() lives in libcrypt (libxcrypt) on glibc and in libc itself on musl, except in Debian's
# bookworm musl 1.2.3 build, which removed it (Debian bug #947193): probe instead of assuming.
include(CheckFunctionExists)
if(LIBCDIFF_LIBC STREQUAL "glibc")
  set(CMAKE_REQUIRED_LIBRARIES crypt)
endif()
check_function_exists(crypt LIBCDIFF_HAVE_CRYPT)
unset(CMAKE_REQUIRED_LIBRARIES)
if(LIBCDIFF_HAVE_CRYPT)
  target_compile_definitions(suite_users-nss PRIVATE LIBCDIFF_HAVE_CRYPT=1)
  if(LIBCDIFF_LIBC STREQUAL "glibc")
    target_link_libraries(suite_users-nss PRIVATE crypt)
  endif()
endif()
