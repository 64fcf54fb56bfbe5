#include <execinfo.h>
int main(void) {
  void* frames[4];
  return backtrace(frames, 4) < 0;
}
