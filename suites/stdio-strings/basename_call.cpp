// basename(3) as a program that includes only <string.h> gets it. On glibc, with _GNU_SOURCE (on by
// default in C++) and no <libgen.h> in the translation unit, that is the GNU basename: "" for a
// trailing slash, never writes to its argument. musl has only the POSIX basename; up to 1.2.4
// <string.h> declared it, 1.2.5 does not (see BuildTimeApi.BasenameInStringH), so a musl program
// gets it from <libgen.h>. This file must not include <libgen.h> on glibc: it would select POSIX.
#include <string>
#if defined(__GLIBC__)
#include <string.h>
#else
#include <libgen.h>
#endif

namespace libcdiff::suite {

std::string call_basename(const char* path) {
  std::string copy(path);
  return ::basename(copy.data());
}

}  // namespace libcdiff::suite
