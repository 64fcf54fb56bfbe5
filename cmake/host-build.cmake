# Options of the host build of the harness (not of the suites, which use cmake/toolchains/).
#
# LIBCDIFF_SANITIZE: sanitizers for the harness and its unit tests, e.g. "address,undefined" or
# "thread" (scripts/sanitizers.sh builds those trees; the test command runs them).
set(LIBCDIFF_SANITIZE "" CACHE STRING "sanitizers for the harness build, e.g. address,undefined or thread")
if(LIBCDIFF_SANITIZE)
  add_compile_options(-fsanitize=${LIBCDIFF_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${LIBCDIFF_SANITIZE})
endif()

# ccache in the cache directory, keyed on paths relative to the source tree, so that a fresh clone
# (CI) reuses what an earlier build of the same sources compiled. Never needed: without ccache, or
# with LIBCDIFF_CCACHE=OFF, everything is compiled.
option(LIBCDIFF_CCACHE "compile through ccache when it is installed" ON)
find_program(LIBCDIFF_CCACHE_PROGRAM ccache)
if(LIBCDIFF_CCACHE AND LIBCDIFF_CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  include(${CMAKE_CURRENT_LIST_DIR}/toolchains/cache-dir.cmake)
  get_filename_component(libcdiff_repo_root ${CMAKE_CURRENT_LIST_DIR} DIRECTORY)
  set(CMAKE_CXX_COMPILER_LAUNCHER
      ${CMAKE_COMMAND} -E env CCACHE_DIR=${LIBCDIFF_CACHE_DIR}/ccache CCACHE_BASEDIR=${libcdiff_repo_root}
      CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=5G ${LIBCDIFF_CCACHE_PROGRAM})
endif()
