# Compile probes: for this target, try to compile and link each probes/*.c and record whether the
# API is available plus the first compiler/linker error. A missing API is a finding, never a build
# failure of the project. Results reach the suite binary as a generated table.
file(GLOB libcdiff_probes CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/probes/*.c)
set(libcdiff_probe_rows "")
foreach(probe IN LISTS libcdiff_probes)
  get_filename_component(probe_name ${probe} NAME_WE)
  try_compile(probe_ok ${CMAKE_BINARY_DIR}/probes/${probe_name}
    SOURCES ${probe}
    LINK_LIBRARIES m  # feenableexcept and friends live in libm on glibc
    OUTPUT_VARIABLE probe_output
    NO_CACHE)
  set(probe_error "")
  if(NOT probe_ok)
    # The first diagnostic, from "error:" on: paths and line numbers differ between build trees.
    string(REGEX MATCH "error:[^\n]*" probe_error "${probe_output}")
    string(REGEX REPLACE "[\\\\\"]" "" probe_error "${probe_error}")
    if(probe_error STREQUAL "")
      set(probe_error "failed without an error line")
    endif()
  endif()
  if(probe_ok)
    set(probe_status "true")
  else()
    set(probe_status "false")
  endif()
  string(APPEND libcdiff_probe_rows "    {\"${probe_name}\", ${probe_status}, \"${probe_error}\"},\n")
endforeach()
configure_file(${CMAKE_CURRENT_LIST_DIR}/probe_results.inc.in ${CMAKE_BINARY_DIR}/generated/probe_results.inc @ONLY)
target_include_directories(suite_build-time-api PRIVATE ${CMAKE_BINARY_DIR}/generated)
