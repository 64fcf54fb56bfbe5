/* A library with a constructor, a destructor and static state, to observe what dlclose does. */
#include <stdlib.h>
#include <string.h>

static int counter;
static char events[64];

static void note(const char* what) {
  if (strlen(events) + strlen(what) + 1 < sizeof events) strcat(events, what);
}

__attribute__((constructor)) static void on_load(void) {
  note("ctor ");
}
__attribute__((destructor)) static void on_unload(void) {
  /* Leave a trace the host program can read after dlclose: an environment variable. */
  setenv("LIBCDIFF_PROBE_DTOR_RAN", "yes", 1);
}

int libcdiff_probe_increment(void) {
  return ++counter;
}
const char* libcdiff_probe_events(void) {
  return events;
}
