# crypt() lives in libc itself on musl and in libcrypt (libxcrypt, package libcrypt-dev) on glibc
# since 2.34, and Debian's bookworm musl 1.2.3 build removed it (Debian bug #947193): probe the C
# library first, then libcrypt, instead of assuming by libc (container builds set no LIBCDIFF_LIBC).
include(CheckFunctionExists)
check_function_exists(crypt LIBCDIFF_CRYPT_IN_LIBC)
if(NOT LIBCDIFF_CRYPT_IN_LIBC)
  set(CMAKE_REQUIRED_LIBRARIES crypt)
  check_function_exists(crypt LIBCDIFF_CRYPT_IN_LIBCRYPT)
  unset(CMAKE_REQUIRED_LIBRARIES)
endif()
if(LIBCDIFF_CRYPT_IN_LIBC OR LIBCDIFF_CRYPT_IN_LIBCRYPT)
  target_compile_definitions(suite_users-nss PRIVATE LIBCDIFF_HAVE_CRYPT=1)
  if(LIBCDIFF_CRYPT_IN_LIBCRYPT)
    target_link_libraries(suite_users-nss PRIVATE crypt)
  endif()
endif()
