/* C99 complex functions, in C because C++'s <complex.h> is std::complex. */
#include <complex.h>

/* volatile: the compiler must not fold these with its own implementation. __builtin_complex rather
   than CMPLX: glibc defines CMPLX only for compilers reporting GCC >= 4.7, which clang does not. */
static volatile double two = 2.0, minus_four = -4.0, minus_one = -1.0;

/* which: 0 casin(2+0i), 1 csqrt(-4-0i), 2 cacos(2+0i), 3 clog(-1+0i); imag selects the part. */
double libcdiff_complex_probe(int which, int imag) {
  double _Complex z = 0;
  switch (which) {
    case 0:
      z = casin(__builtin_complex((double)(two), (double)(0.0)));
      break;
    case 1:
      z = csqrt(__builtin_complex((double)(minus_four), (double)(-0.0)));
      break;
    case 2:
      z = cacos(__builtin_complex((double)(two), (double)(0.0)));
      break;
    case 3:
      z = clog(__builtin_complex((double)(minus_one), (double)(0.0)));
      break;
  }
  return imag ? cimag(z) : creal(z);
}
