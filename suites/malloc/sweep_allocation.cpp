// Sweep: every allocation function of C17 7.22.3 (malloc, calloc, realloc, aligned_alloc), POSIX
// (posix_memalign) and the legacy/extension ones both libcs export (memalign, valloc, reallocarray,
// malloc_usable_size; pvalloc where the libc has it) over boundary sizes: 0, 1, every power of two
// 2^1..2^30 and its neighbours, and the limits PTRDIFF_MAX - 4096 .. SIZE_MAX; alignments 0, every
// power of two up to 2^20, non-powers (3, 12, 24, 48, 4095), and huge ones (2^40, 2^63, SIZE_MAX).
// Values: "ok" or "NULL <errno>", then whether the pointer meets the alignment asked for (16 for the
// functions without one; an alignment that is not a power of two is checked as the power of two above
// it), the usable size relative to the request, and for calloc and realloc whether the contents are
// zero / kept. The usable size is "usable +0" when it is exactly the request (mallocng, always) and
// "usable > request" otherwise: glibc's slack depends on the state of the heap (a reused chunk whose
// remainder is too small to split carries 16 more bytes: calloc(16, 16) gave +8 on the host and +24
// in an offline image, same binary). From 64 KiB on, and for the over-aligned functions, valloc,
// pvalloc and realloc of a block, it is "= request" / "> request".
// Keys: "<function> <size>" (hex), "<function> <alignment> <size>", "calloc <n> <size>",
// "realloc <old size> <new size>"; realloc of NULL is old size "NULL". calloc/reallocarray products
// between 1 GiB and 128 TiB are recorded as not attempted: whether they succeed depends on the
// machine's memory, not on the libc. Every block is freed at once. The sweep runs in a forked child so
// that its allocations and its mallopt do not touch the suite's own heap; on glibc the child pins
// M_MMAP_THRESHOLD at its initial 128 KiB, which glibc otherwise raises whenever an mmapped block is
// freed.
#include <gtest/gtest.h>
#include <malloc.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "common/child_process.hpp"
#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

// Through volatile pointers: the compiler may not elide an allocation whose pointer does not escape.
void* (*volatile do_malloc)(size_t) = std::malloc;
void* (*volatile do_calloc)(size_t, size_t) = std::calloc;
void* (*volatile do_realloc)(void*, size_t) = std::realloc;
void* (*volatile do_aligned_alloc)(size_t, size_t) = ::aligned_alloc;
int (*volatile do_posix_memalign)(void**, size_t, size_t) = ::posix_memalign;
void* (*volatile do_memalign)(size_t, size_t) = ::memalign;
void* (*volatile do_valloc)(size_t) = ::valloc;
void* (*volatile do_reallocarray)(void*, size_t, size_t) = ::reallocarray;
void (*volatile do_free)(void*) = std::free;

std::string hex(std::uint64_t v) {
  char b[24];
  std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(v));
  return b;
}

std::vector<size_t> sizes() {
  std::set<size_t> s = {0, 1};
  for (int k = 1; k <= 30; ++k) {
    const size_t p = size_t(1) << k;
    s.insert({p - 1, p, p + 1});
  }
  const size_t pmax = PTRDIFF_MAX;
  s.insert({pmax - 4096, pmax, pmax + 1, SIZE_MAX - 4096, SIZE_MAX - 1, SIZE_MAX});
  return {s.begin(), s.end()};
}

const size_t kAlignments[] = {0,
                              1,
                              2,
                              3,
                              4,
                              8,
                              12,
                              16,
                              24,
                              32,
                              48,
                              64,
                              128,
                              256,
                              512,
                              1024,
                              2048,
                              4095,
                              4096,
                              8192,
                              16384,
                              32768,
                              65536,
                              131072,
                              262144,
                              524288,
                              1 << 20,
                              size_t(1) << 40,
                              size_t(1) << 63,
                              SIZE_MAX};
const size_t kAlignedSizes[] = {0, 1, 7, 8, 16, 100, 4096, 4097, 1 << 20, PTRDIFF_MAX, SIZE_MAX};
// calloc/reallocarray factors: small ones, the pairs around 2^64 (2^32 +- 1 squared) and the limits.
const size_t kFactors[] = {0,
                           1,
                           2,
                           3,
                           16,
                           4096,
                           65536,
                           (size_t(1) << 32) - 1,
                           size_t(1) << 32,
                           (size_t(1) << 32) + 1,
                           PTRDIFF_MAX,
                           size_t(PTRDIFF_MAX) + 1,
                           SIZE_MAX};
// Whether a request of this many bytes succeeds between 1 GiB and 128 TiB depends on the machine's
// memory and overcommit setting, not on the libc: such products are not attempted.
constexpr size_t kMachineDependentLow = size_t(1) << 30;
constexpr size_t kMachineDependentHigh = size_t(1) << 47;
const size_t kReallocSizes[] = {0,    1,    15,     16,      17,      24,          100,     4095,
                                4096, 4097, 131072, 1 << 20, 1 << 24, PTRDIFF_MAX, SIZE_MAX};

// "ok aligned usable +8" for a block of `size` that should be aligned to `alignment`, or
// "NULL ENOMEM". An alignment that is not a power of two is checked as the next power of two above
// it: whether an address happens to be a multiple of 24 depends on where the heap starts (ASLR).
// With `exact_usable` false the usable size is given only as "= request" or "> request": on glibc the
// slack of an over-aligned block (memalign trims an oversized chunk at an address-dependent point) and
// of a realloc'd one (extended in place, moved, or mmapped, by the heap's state) depends on what the
// process allocated before, not only on the request.
// From 64 KiB on, glibc may serve a request from the top chunk or by mmap (M_MMAP_THRESHOLD, 128 KiB,
// compared with the padded size, and only when the top chunk is too small), so the slack depends on
// the heap's state: such sizes get the coarse form as well.
constexpr size_t kExactUsableBelow = 64 * 1024;

std::string outcome(void* p, int error, size_t size, size_t alignment, bool exact_usable = true) {
  if (p == nullptr) return "NULL " + errno_name(error);
  std::string s = "ok";
  if (alignment != 0) {
    size_t power = 1;
    while (power < alignment && power != 0) power <<= 1;
    if (power == 0) power = alignment;  // above 2^63: no power of two to round to
    s += reinterpret_cast<std::uintptr_t>(p) % power == 0 ? " aligned" : " misaligned";
  }
  const size_t usable = malloc_usable_size(p);
  if (!exact_usable || size >= kExactUsableBelow)
    s += usable == size ? " usable = request" : usable > size ? " usable > request" : " usable < request";
  else if (usable == size)
    s += " usable +0";
  else  // glibc's slack is not a function of the request alone: see the header comment
    s += usable > size ? " usable > request" : " usable -" + std::to_string(size - usable);
  return s;
}

bool all_zero(const void* p, size_t n) {
  const unsigned char* b = static_cast<const unsigned char*>(p);
  for (size_t i = 0; i < n; ++i)
    if (b[i] != 0) return false;
  return true;
}

// The sweep itself, writing "key TAB value LF" lines to `fd`.
void run_sweep(int fd) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
  auto emit = [fd](const std::string& key, const std::string& value) {
    const std::string line = key + "\t" + value + "\n";
    for (size_t done = 0; done < line.size();) {
      const ssize_t n = write(fd, line.data() + done, line.size() - done);
      if (n <= 0) _exit(3);
      done += static_cast<size_t>(n);
    }
  };
  const size_t natural = alignof(std::max_align_t);
  for (size_t size : sizes()) {
    errno = 0;
    void* p = do_malloc(size);
    emit("malloc " + hex(size), outcome(p, errno, size, natural));
    do_free(p);
    errno = 0;
    p = do_valloc(size);
    emit("valloc " + hex(size), outcome(p, errno, size, size_t(sysconf(_SC_PAGESIZE)), false));
    do_free(p);
#if defined(__GLIBC__)
    errno = 0;
    p = pvalloc(size);
    emit("pvalloc " + hex(size), outcome(p, errno, size, size_t(sysconf(_SC_PAGESIZE)), false));
    do_free(p);
#else
    emit("pvalloc " + hex(size), "not provided");
#endif
  }
  for (size_t alignment : kAlignments)
    for (size_t size : kAlignedSizes) {
      const std::string k = hex(alignment) + " " + hex(size);
      const size_t check = alignment == 0 ? 0 : alignment;
      const bool exact = alignment <= alignof(std::max_align_t);
      errno = 0;
      void* p = do_aligned_alloc(alignment, size);
      emit("aligned_alloc " + k, outcome(p, errno, size, check, exact));
      do_free(p);
      errno = 0;
      p = do_memalign(alignment, size);
      emit("memalign " + k, outcome(p, errno, size, check, exact));
      do_free(p);
      p = reinterpret_cast<void*>(1);
      errno = 0;
      const int rc = do_posix_memalign(&p, alignment, size);
      const int after = errno;
      if (rc != 0) {
        emit("posix_memalign " + k,
             "error " + errno_name(rc) +
                 (p == reinterpret_cast<void*>(1) ? ", pointer untouched" : ", pointer changed") +
                 (after != 0 ? ", errno " + errno_name(after) : ""));
      } else {
        emit("posix_memalign " + k,
             outcome(p, 0, size, check, exact) + (after != 0 ? ", errno " + errno_name(after) : ""));
        do_free(p);
      }
    }
  for (size_t n : kFactors)
    for (size_t m : kFactors) {
      const std::string k = hex(n) + " " + hex(m);
      size_t total = 0;
      const bool overflows = __builtin_mul_overflow(n, m, &total);
      if (!overflows && total > kMachineDependentLow && total <= kMachineDependentHigh) {
        emit("calloc " + k, "not attempted (the outcome depends on the machine's memory)");
        emit("reallocarray " + k, "not attempted (the outcome depends on the machine's memory)");
        continue;
      }
      errno = 0;
      void* p = do_calloc(n, m);
      std::string value = outcome(p, errno, overflows ? 0 : total, natural);
      if (p != nullptr && total <= (size_t(1) << 20)) value += all_zero(p, total) ? " zeroed" : " not zeroed";
      emit("calloc " + k, value);
      do_free(p);
      errno = 0;
      p = do_reallocarray(nullptr, n, m);
      emit("reallocarray " + k, outcome(p, errno, overflows ? 0 : total, natural));
      do_free(p);
    }
  for (size_t size : kReallocSizes) {
    errno = 0;
    void* p = do_realloc(nullptr, size);
    emit("realloc NULL " + hex(size), outcome(p, errno, size, natural));
    do_free(p);
  }
  for (size_t old_size : kReallocSizes) {
    if (old_size > (size_t(1) << 24)) continue;  // the huge ones are never allocated
    for (size_t size : kReallocSizes) {
      void* old = do_malloc(old_size);
      if (old == nullptr) _exit(4);
      std::memset(old, 0xA5, old_size);
      errno = 0;
      void* p = do_realloc(old, size);
      const int error = errno;
      const std::string k = "realloc " + hex(old_size) + " " + hex(size);
      if (p == nullptr) {
        // C17 7.22.3.5: on failure the old block is untouched; realloc(p, 0) returning NULL has
        // freed it (glibc, C17's "implementation-defined"), so it is not freed again.
        if (size == 0) {
          emit(k, "NULL " + errno_name(error) + " (old block freed)");
        } else {
          emit(k, "NULL " + errno_name(error) + " (old block kept)");
          do_free(old);
        }
        continue;
      }
      const size_t kept = old_size < size ? old_size : size;
      bool same = true;
      for (size_t i = 0; i < kept && same; ++i) same = static_cast<unsigned char*>(p)[i] == 0xA5;
      emit(k, outcome(p, error, size, natural, false) + (same ? " contents kept" : " contents changed"));
      do_free(p);
    }
  }
  emit("malloc_usable_size NULL", std::to_string(malloc_usable_size(nullptr)));
}

TEST(Malloc, SweepAllocation) {
  std::string lines;
  const std::string fate = run_in_child(
      [] {
        run_sweep(STDERR_FILENO);  // run_in_child hands the child's stderr back to the parent
        return 0;
      },
      &lines);
  ASSERT_EQ(fate, "exit 0") << lines.substr(0, 2000);
  SweepTable table;
  size_t start = 0;
  while (start < lines.size()) {
    const size_t end = lines.find('\n', start);
    const std::string line = lines.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? lines.size() : end + 1;
    const size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << "not a sweep line: " << line;
    table.set(line.substr(0, tab), line.substr(tab + 1));
  }
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
