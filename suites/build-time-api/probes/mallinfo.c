#include <malloc.h>
int main(void) {
  struct mallinfo m = mallinfo();
  return m.arena < 0;
}
