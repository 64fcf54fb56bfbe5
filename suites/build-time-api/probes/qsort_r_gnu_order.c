/* GNU order: comparator(a, b, arg), arg last in qsort_r's parameters (musl >= 1.2.3 follows it). */
#define _GNU_SOURCE
#include <stdlib.h>
static int cmp(const void* a, const void* b, void* arg) {
  (void)arg;
  return *(const int*)a - *(const int*)b;
}
int main(void) {
  int v[] = {3, 1, 2};
  qsort_r(v, 3, sizeof v[0], cmp, 0);
  return v[0] != 1;
}
