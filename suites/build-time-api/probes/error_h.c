#include <error.h>
int main(void) {
  error(0, 0, "%s", "x");
  return 0;
}
