# Where scripts/setup.sh keeps sysroots, runtimes and per-target dependencies.
# Resolved from the environment (not a cache variable) so try_compile sees the same value.
if(DEFINED ENV{LIBCDIFF_CACHE_DIR} AND NOT "$ENV{LIBCDIFF_CACHE_DIR}" STREQUAL "")
  set(LIBCDIFF_CACHE_DIR "$ENV{LIBCDIFF_CACHE_DIR}")
elseif(DEFINED ENV{XDG_CACHE_HOME} AND NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
  set(LIBCDIFF_CACHE_DIR "$ENV{XDG_CACHE_HOME}/libcdiff")
else()
  set(LIBCDIFF_CACHE_DIR "$ENV{HOME}/.cache/libcdiff")
endif()
