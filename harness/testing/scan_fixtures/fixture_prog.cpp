// A program for load_check's tests that needs, of musl, exactly one symbol of each cause: a fortify
// function (__printf_chk, from printf under _FORTIFY_SOURCE), a GNU extension (error), a glibc
// private name (__libc_single_threaded); plus what musl does satisfy: a library found through
// RUNPATH $ORIGIN/../lib, a versioned symbol of it, an LFS64 name (fopen64, which musl's loader
// maps to fopen) and a weak import nothing defines.
#include <error.h>
#include <stdio.h>
#include <sys/single_threaded.h>

extern "C" int fixture_answer();
extern "C" int fixture_versioned();
extern "C" __attribute__((weak)) int fixture_absent_weak();

int (*volatile answer_pointer)() = nullptr;

int main(int argc, char** argv) {
  // Taking the address in code: a non-PIE executable gets a canonical PLT entry for it.
  answer_pointer = fixture_answer;
  if (argc > 3) error(1, 0, "%s", argv[1]);
  FILE* f = fopen64(argv[0], "r");
  if (f != nullptr) fclose(f);
  const int weak = fixture_absent_weak != nullptr ? fixture_absent_weak() : 0;
  printf("%d %d %d %d\n", answer_pointer(), fixture_versioned(), weak, __libc_single_threaded ? 1 : 0);
  return 0;
}
