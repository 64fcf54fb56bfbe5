#define _GNU_SOURCE
#include <dlfcn.h>
int main(void) {
  return dlmopen(LM_ID_NEWLM, "libx.so", RTLD_NOW) != 0;
}
