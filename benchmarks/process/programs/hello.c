/* The smallest C program that uses stdio: start-up cost and binary size of the libc. */
#include <stdio.h>

int main(void) {
  puts("hello");
  return 0;
}
