#include <fts.h>
int main(void) {
  char* paths[] = {".", 0};
  FTS* f = fts_open(paths, FTS_PHYSICAL, 0);
  return f ? fts_close(f) : 1;
}
