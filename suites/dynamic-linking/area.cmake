# Probe libraries for the dynamic-linking cases, built per target as plain C shared objects.
# A static target cannot dlopen them; its cases skip with that reason.
add_library(dl_probe_counter SHARED ${CMAKE_CURRENT_LIST_DIR}/probes/counter.c)
add_library(dl_probe_missing SHARED ${CMAKE_CURRENT_LIST_DIR}/probes/missing_symbol.c)
add_dependencies(suite_dynamic-linking dl_probe_counter dl_probe_missing)
target_compile_definitions(suite_dynamic-linking PRIVATE
  LIBCDIFF_PROBE_COUNTER="$<TARGET_FILE:dl_probe_counter>"
  LIBCDIFF_PROBE_MISSING="$<TARGET_FILE:dl_probe_missing>")
target_link_libraries(suite_dynamic-linking PRIVATE ${CMAKE_DL_LIBS})
