/* Only _GNU_SOURCE, as much older code does: musl >= 1.2.4 exposes stat64 only with _LARGEFILE64_SOURCE. */
#define _GNU_SOURCE
#include <sys/stat.h>
int main(void) {
  struct stat64 st;
  return stat64("/", &st);
}
