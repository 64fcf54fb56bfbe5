#include <sys/random.h>
int main(void) {
  char b[8];
  return getrandom(b, sizeof b, 0) != 8;
}
