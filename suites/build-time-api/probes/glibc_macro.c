#include <stdio.h>
#ifndef __GLIBC__
#error "__GLIBC__ is not defined"
#endif
int main(void) {
  return __GLIBC__ < 2;
}
