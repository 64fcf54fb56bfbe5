# Hello programs, static and dynamic, C and C++: what posix_spawn starts in the start-up benchmarks and
# what the footprint table measures.
foreach(kind c cxx)
  if(kind STREQUAL "c")
    set(source ${CMAKE_CURRENT_LIST_DIR}/programs/hello.c)
  else()
    set(source ${CMAKE_CURRENT_LIST_DIR}/programs/hello.cpp)
  endif()
  add_executable(hello_${kind}_dynamic ${source})
  add_executable(hello_${kind}_static ${source})
  target_link_options(hello_${kind}_static PRIVATE -static)
  # Static glibc's libc.a needs libgcc's binary128 helpers (__letf2, __unordtf2), which the compiler-rt
  # builtins that clang links here lack.
  if(LIBCDIFF_LIBC STREQUAL "glibc" AND CMAKE_C_COMPILER_ID STREQUAL "Clang")
    target_link_libraries(hello_${kind}_static PRIVATE gcc)
  endif()
  add_dependencies(bench_process hello_${kind}_dynamic hello_${kind}_static)
endforeach()
target_compile_definitions(bench_process PRIVATE
  LIBCDIFF_HELLO_STATIC="$<TARGET_FILE:hello_c_static>"
  LIBCDIFF_HELLO_DYNAMIC="$<TARGET_FILE:hello_c_dynamic>")
