# zlib and nlohmann-json for the compression and JSON workloads. scripts/setup.sh builds them per target,
# with that target's compiler and libc, into ${LIBCDIFF_CACHE_DIR}/bench-deps/<name>/
#   include/zlib.h  include/zconf.h  include/nlohmann/json.hpp  lib/libz.a
# where <name> is the target (LIBCDIFF_TARGET), or LIBCDIFF_DEPS for a target that shares another's
# archives (musl-static uses musl's). -DLIBCDIFF_BENCH_DEPS_DIR=<dir> names such a tree explicitly.
# The host's /usr/include is never searched: a musl build must not see glibc's headers. Where the tree is
# absent (the distribution images have no cache dir; a cache that predates bench-deps) those workloads
# are compiled out (LIBCDIFF_HAVE_ZLIB / LIBCDIFF_HAVE_NLOHMANN_JSON = 0) and the rest of the area builds.
set(libcdiff_bench_deps_candidates "")
if(LIBCDIFF_BENCH_DEPS_DIR)
  list(APPEND libcdiff_bench_deps_candidates "${LIBCDIFF_BENCH_DEPS_DIR}")
elseif(LIBCDIFF_CACHE_DIR)
  foreach(name IN ITEMS ${LIBCDIFF_TARGET} ${LIBCDIFF_DEPS})
    list(APPEND libcdiff_bench_deps_candidates "${LIBCDIFF_CACHE_DIR}/bench-deps/${name}")
  endforeach()
  list(REMOVE_DUPLICATES libcdiff_bench_deps_candidates)
endif()

# CONFIGURE_DEPENDS globs of the exact files: when setup adds (or removes) them later, the next build of
# this tree re-configures by itself instead of keeping the workloads compiled out.
set(libcdiff_zlib_dir "")
set(libcdiff_json_dir "")
foreach(dir IN LISTS libcdiff_bench_deps_candidates)
  file(GLOB libcdiff_zlib_files CONFIGURE_DEPENDS "${dir}/include/zlib.h" "${dir}/include/zconf.h" "${dir}/lib/libz.a")
  file(GLOB libcdiff_json_files CONFIGURE_DEPENDS "${dir}/include/nlohmann/json.hpp")
  list(LENGTH libcdiff_zlib_files libcdiff_zlib_count)
  if(NOT libcdiff_zlib_dir AND libcdiff_zlib_count EQUAL 3)
    set(libcdiff_zlib_dir "${dir}")
  endif()
  if(NOT libcdiff_json_dir AND libcdiff_json_files)
    set(libcdiff_json_dir "${dir}")
  endif()
endforeach()

if(libcdiff_zlib_dir)
  target_include_directories(bench_workloads SYSTEM PRIVATE "${libcdiff_zlib_dir}/include")
  target_link_libraries(bench_workloads PRIVATE "${libcdiff_zlib_dir}/lib/libz.a")
  target_compile_definitions(bench_workloads PRIVATE LIBCDIFF_HAVE_ZLIB=1)
  message(STATUS "bench_workloads: zlib from ${libcdiff_zlib_dir}")
else()
  target_compile_definitions(bench_workloads PRIVATE LIBCDIFF_HAVE_ZLIB=0)
  message(STATUS "bench_workloads: no bench-deps zlib for ${LIBCDIFF_TARGET}; the zlib workloads are compiled out")
endif()
if(libcdiff_json_dir)
  target_include_directories(bench_workloads SYSTEM PRIVATE "${libcdiff_json_dir}/include")
  target_compile_definitions(bench_workloads PRIVATE LIBCDIFF_HAVE_NLOHMANN_JSON=1)
  message(STATUS "bench_workloads: nlohmann-json from ${libcdiff_json_dir}")
else()
  target_compile_definitions(bench_workloads PRIVATE LIBCDIFF_HAVE_NLOHMANN_JSON=0)
  message(STATUS "bench_workloads: no bench-deps nlohmann-json for ${LIBCDIFF_TARGET}; the JSON workloads are compiled out")
endif()
