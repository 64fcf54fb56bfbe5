#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
int main(void) {
  struct statx st;
  return statx(AT_FDCWD, "/", 0, STATX_BASIC_STATS, &st);
}
