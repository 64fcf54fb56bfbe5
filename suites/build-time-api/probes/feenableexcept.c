#define _GNU_SOURCE
#include <fenv.h>
int main(void) {
  return feenableexcept(FE_DIVBYZERO) < -1;
}
