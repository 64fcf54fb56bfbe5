#define _GNU_SOURCE
#include <stdlib.h>
int main(void) {
  void* p = reallocarray(0, 4, 4);
  free(p);
  return p == 0;
}
