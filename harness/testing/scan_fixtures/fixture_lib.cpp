// A shared library for load_check's tests: plain exports, and one name under two GNU versions (the
// old one hidden, name@FIXTURE_1; the default name@@FIXTURE_2), as glibc exports memcpy.
extern "C" {

int fixture_answer() {
  return 42;
}

int fixture_versioned_old() {
  return 1;
}
int fixture_versioned_new() {
  return 2;
}
__asm__(".symver fixture_versioned_old, fixture_versioned@FIXTURE_1");
__asm__(".symver fixture_versioned_new, fixture_versioned@@FIXTURE_2");
}
