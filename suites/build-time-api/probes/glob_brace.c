#include <glob.h>
int main(void) {
  glob_t g;
  int r = glob("{a,b}*", GLOB_BRACE | GLOB_NOCHECK, 0, &g);
  globfree(&g);
  return r;
}
