// The program of issue 13's acceptance: it uses backtrace, qsort_r, getaddrinfo, strcoll,
// pthread_create (without setting a stack size) and dlclose, and is built with the host's compiler
// against glibc. `libcdiff scan` must say it needs a rebuild for backtrace alone (musl has no
// execinfo.h; qsort_r exists in musl >= 1.2.3) and name the DNS, collation, thread stack and dlclose
// risks. Built without optimisation or _FORTIFY_SOURCE, so no __*_chk import blurs the answer.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_value(const void* a, const void* b, void* context) {
  (void)context;
  return *(const int*)a - *(const int*)b;
}

static void* worker(void* arg) {
  return arg;
}

int main(int argc, char** argv) {
  void* frames[8];
  int depth = backtrace(frames, 8);
  int values[] = {3, 1, 2};
  qsort_r(values, 3, sizeof values[0], by_value, NULL);
  struct addrinfo* found = NULL;
  if (argc > 2 && getaddrinfo(argv[1], NULL, NULL, &found) == 0) freeaddrinfo(found);
  int order = strcoll(argc > 1 ? argv[1] : "a", "B");
  pthread_t thread;
  if (pthread_create(&thread, NULL, worker, NULL) == 0) pthread_join(thread, NULL);
  void* self = dlopen(NULL, RTLD_NOW);
  if (self != NULL) dlclose(self);
  return (depth + values[0] + order) > 1000;
}
