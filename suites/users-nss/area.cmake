# crypt() lives in libcrypt (libxcrypt) on glibc and in libc itself on musl.
if(LIBCDIFF_LIBC STREQUAL "glibc")
  target_link_libraries(suite_users-nss PRIVATE crypt)
endif()
