#include <stdlib.h>
int main(void) {
  return arc4random() == 0 && arc4random() == 0;
}
