// Dynamic loading with small probe libraries built for each target (suites/dynamic-linking/probes).
// References: musl wiki "Unloading libraries" (dlclose is a no-op), "Lazy bindings" (deferred binding
// for RTLD_LAZY since 1.1.17), musl ldso/dynlink.c (error texts), glibc elf/dl-close.c.
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <sys/auxv.h>

#include <cstdlib>
#include <string>

#include "common/child_process.hpp"
#include "common/observe.hpp"

namespace libcdiff::suite {
namespace {

#define LIBCDIFF_REQUIRE_DYNAMIC()                                                                      \
  do {                                                                                                  \
    if (getauxval(AT_BASE) == 0)                                                                        \
      GTEST_SKIP() << "does not apply to a static binary: dlopen is a stub in static musl, and static " \
                      "glibc needs the shared libraries of the glibc it was linked with";               \
  } while (0)

TEST(DynamicLinking, DlcloseUnloads) {
  LIBCDIFF_REQUIRE_DYNAMIC();
  unsetenv("LIBCDIFF_PROBE_DTOR_RAN");
  using Fn = int (*)();
  void* first = dlopen(LIBCDIFF_PROBE_COUNTER, RTLD_NOW | RTLD_LOCAL);
  ASSERT_NE(first, nullptr) << dlerror();
  auto increment = reinterpret_cast<Fn>(dlsym(first, "libcdiff_probe_increment"));
  ASSERT_NE(increment, nullptr);
  const int before_close = increment();
  observe("dlclose_returns", static_cast<long long>(dlclose(first)));
  observe("destructor_ran_at_dlclose", std::getenv("LIBCDIFF_PROBE_DTOR_RAN") ? "yes" : "no");
  Dl_info info{};
  observe("dladdr_after_dlclose",
          dladdr(reinterpret_cast<void*>(increment), &info) ? "still resolves" : "fails");
  void* second = dlopen(LIBCDIFF_PROBE_COUNTER, RTLD_NOW | RTLD_LOCAL);
  ASSERT_NE(second, nullptr) << dlerror();
  auto increment_again = reinterpret_cast<Fn>(dlsym(second, "libcdiff_probe_increment"));
  const int after_reopen = increment_again();
  observe("counter_before_and_after_reopen",
          std::to_string(before_close) + " then " + std::to_string(after_reopen));
  dlclose(second);
  EXPECT_EQ(before_close, 1);
}

TEST(DynamicLinking, UndefinedSymbolBinding) {
  LIBCDIFF_REQUIRE_DYNAMIC();
  // Each mode in a fresh process: a library that failed or loaded stays decided in this one.
  const auto try_mode = [](int mode) {
    return run_in_child([mode] { return dlopen(LIBCDIFF_PROBE_MISSING, mode) != nullptr ? 0 : 1; });
  };
  observe("dlopen_RTLD_NOW", try_mode(RTLD_NOW) == "exit 0" ? "loaded" : "refused");
  observe("dlopen_RTLD_LAZY", try_mode(RTLD_LAZY) == "exit 0" ? "loaded" : "refused");
  const std::string lazy_call = run_in_child([] {
    void* h = dlopen(LIBCDIFF_PROBE_MISSING, RTLD_LAZY);
    if (!h) return 3;
    auto harmless = reinterpret_cast<int (*)()>(dlsym(h, "libcdiff_probe_harmless"));
    return harmless && harmless() == 7 ? 0 : 4;
  });
  observe("lazy_load_then_call_a_defined_function", lazy_call);
  SUCCEED();
}

std::string first_words(const char* text, size_t words) {
  std::string s = text ? text : "(null)";
  // Paths differ between build trees: report the shape of the message, not the path.
  const auto path = s.find(LIBCDIFF_PROBE_COUNTER);
  if (path != std::string::npos) s.replace(path, std::string(LIBCDIFF_PROBE_COUNTER).size(), "<path>");
  const auto missing = s.find("/nonexistent/libcdiff.so");
  if (missing != std::string::npos) s.replace(missing, 24, "<path>");
  size_t pos = 0;
  for (size_t i = 0; i < words && pos != std::string::npos; ++i) pos = s.find(' ', pos + 1);
  return pos == std::string::npos ? s : s.substr(0, pos);
}

TEST(DynamicLinking, DlerrorTexts) {
  LIBCDIFF_REQUIRE_DYNAMIC();
  EXPECT_EQ(dlopen("/nonexistent/libcdiff.so", RTLD_NOW), nullptr);
  observe("dlopen_missing_file", first_words(dlerror(), 12));
  void* h = dlopen(LIBCDIFF_PROBE_COUNTER, RTLD_NOW);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(dlsym(h, "libcdiff_no_such_symbol"), nullptr);
  observe("dlsym_missing_symbol", first_words(dlerror(), 12));
  dlclose(h);
}

// Negative control: RTLD_DEFAULT / RTLD_NEXT lookups of libc symbols.
TEST(DynamicLinking, DlsymSpecialHandles) {
  LIBCDIFF_REQUIRE_DYNAMIC();
  observe("RTLD_DEFAULT_malloc", dlsym(RTLD_DEFAULT, "malloc") ? "found" : "not found");
  observe("RTLD_NEXT_malloc", dlsym(RTLD_NEXT, "malloc") ? "found" : "not found");
  observe("RTLD_DEFAULT_missing", dlsym(RTLD_DEFAULT, "libcdiff_no_such_symbol") ? "found" : "not found");
  EXPECT_NE(dlsym(RTLD_DEFAULT, "malloc"), nullptr);
}

}  // namespace
}  // namespace libcdiff::suite
