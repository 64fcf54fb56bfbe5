/* BSD string functions: in musl for years; in glibc only since 2.38. */
#include <string.h>
int main(void) {
  char d[4];
  return strlcpy(d, "abcdef", sizeof d) != 6;
}
