#include <dlfcn.h>
int main(void) {
  return dlopen("libx.so", RTLD_NOW | RTLD_DEEPBIND) != 0;
}
