// Build-time API availability: the compile probes in probes/ were compiled and linked for this target
// at configure time (area.cmake); each case reports one of them. "missing" means code using that API
// does not build on this libc: the first compiler or linker error is recorded.
// References: musl include/ (what exists), musl WHATSNEW (when it arrived), glibc NEWS.
#include <gtest/gtest.h>

#include <string>

#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

struct ProbeResult {
  const char* name;
  bool available;
  const char* first_error;
};

const ProbeResult kProbes[] = {
#include "probe_results.inc"
};

void report(const char* name) {
  for (const auto& p : kProbes) {
    if (std::string(p.name) != name) continue;
    observe("status", p.available ? "available" : "missing");
    if (!p.available) {
      observe("first_error", p.first_error);
      EXPECT_STRNE(p.first_error, "") << "a failed probe must say why";
    }
    return;
  }
  FAIL() << "probe " << name << " was not compiled: is suites/build-time-api/probes/" << name
         << ".c missing?";
}

#define LIBCDIFF_PROBE_CASE(test_name, probe) \
  TEST(BuildTimeApi, test_name) {             \
    report(probe);                            \
  }

LIBCDIFF_PROBE_CASE(ExecinfoBacktrace, "execinfo_backtrace")
LIBCDIFF_PROBE_CASE(ErrorH, "error_h")
LIBCDIFF_PROBE_CASE(FtsH, "fts_h")
LIBCDIFF_PROBE_CASE(ObstackH, "obstack_h")
LIBCDIFF_PROBE_CASE(ArgpH, "argp_h")
LIBCDIFF_PROBE_CASE(GlobBrace, "glob_brace")
LIBCDIFF_PROBE_CASE(Mallinfo, "mallinfo")
LIBCDIFF_PROBE_CASE(MallocTrim, "malloc_trim")
LIBCDIFF_PROBE_CASE(RtldDeepbind, "rtld_deepbind")
LIBCDIFF_PROBE_CASE(Dlmopen, "dlmopen")
LIBCDIFF_PROBE_CASE(QsortRGnuOrder, "qsort_r_gnu_order")
LIBCDIFF_PROBE_CASE(GlibcMacro, "glibc_macro")
LIBCDIFF_PROBE_CASE(GnuGetLibcVersion, "gnu_get_libc_version")
LIBCDIFF_PROBE_CASE(SysCdefsH, "sys_cdefs")
LIBCDIFF_PROBE_CASE(StrerrorRGnuVariant, "strerror_r_gnu")
LIBCDIFF_PROBE_CASE(Feenableexcept, "feenableexcept")
LIBCDIFF_PROBE_CASE(Stat64WithoutLfsMacro, "stat64_without_lfs_macro")
LIBCDIFF_PROBE_CASE(CloseRange, "close_range")
LIBCDIFF_PROBE_CASE(Statx, "statx")
LIBCDIFF_PROBE_CASE(Arc4random, "arc4random")
LIBCDIFF_PROBE_CASE(BasenameInStringH, "basename_in_string_h")
LIBCDIFF_PROBE_CASE(PthreadGetnameNp, "pthread_getname_np")
LIBCDIFF_PROBE_CASE(Getrandom, "getrandom")
LIBCDIFF_PROBE_CASE(Strlcpy, "strlcpy")
LIBCDIFF_PROBE_CASE(Reallocarray, "reallocarray")

}  // namespace
}  // namespace libcdiff::suite
