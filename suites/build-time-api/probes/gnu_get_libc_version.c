#include <gnu/libc-version.h>
int main(void) {
  return gnu_get_libc_version()[0] == 0;
}
