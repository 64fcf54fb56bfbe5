#define _GNU_SOURCE
#include <unistd.h>
int main(void) {
  return close_range(100, 200, 0);
}
