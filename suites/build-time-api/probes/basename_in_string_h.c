/* basename with only <string.h> (GNU style): musl 1.2.5 no longer declares it there. */
#define _GNU_SOURCE
#include <string.h>
int main(void) {
  return basename("/usr/lib")[0] != 'l';
}
