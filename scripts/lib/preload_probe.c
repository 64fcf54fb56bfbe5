/* Run by scripts/setup.sh with LD_PRELOAD=<allocator>.so: prints, for each allocation function, which
 * shared object this process's definition comes from (the first in the dynamic linker's lookup order,
 * the one libc's own callers such as strdup and stdio reach too). An allocator that is loaded but
 * does not interpose shows the libc here. Before that it allocates a little, aligned included, so an
 * allocator that cannot start on this libc, or a libc that refuses aligned_alloc next to a foreign
 * malloc (musl does), fails the probe instead of passing. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char* owner(const char* name) {
  Dl_info info;
  void* sym = dlsym(RTLD_DEFAULT, name);
  if (sym == NULL || dladdr(sym, &info) == 0 || info.dli_fname == NULL) return "?";
  return info.dli_fname;
}

/* Every pointer passes through here: the compiler may drop an allocation whose result never escapes. */
static void* volatile sink;

int main(void) {
  static const char* const names[] = {
      "malloc", "free", "calloc", "realloc", "aligned_alloc", "posix_memalign", "malloc_usable_size"};
  for (int i = 0; i < 1000; i++) {
    char* p = malloc(16 + (size_t)i);
    sink = p;
    char* q = realloc(sink, 4096 + (size_t)i);
    if (q == NULL) return 1;
    sink = q;
    free(sink);
  }
  sink = strdup("probe");
  free(sink);
  sink = aligned_alloc(64, 128);
  if (sink == NULL || (uintptr_t)sink % 64 != 0) {
    printf("aligned_alloc(64, 128) failed\n");
    return 1;
  }
  free(sink);
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) printf("%s %s\n", names[i], owner(names[i]));
  return 0;
}
