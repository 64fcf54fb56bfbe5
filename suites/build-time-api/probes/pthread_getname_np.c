#define _GNU_SOURCE
#include <pthread.h>
int main(void) {
  char n[16];
  return pthread_getname_np(pthread_self(), n, sizeof n);
}
