/* Code written for glibc's GNU strerror_r, which returns char*. */
#define _GNU_SOURCE
#include <string.h>
int main(void) {
  char buf[64];
  char* p = strerror_r(2, buf, sizeof buf);
  return p == 0;
}
