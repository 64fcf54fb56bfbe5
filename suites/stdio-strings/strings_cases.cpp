// Message texts, qsort and basename/dirname.
// References: musl src/errno/__strerror.h, src/network/gai_strerror.c, src/string/strsignal.c,
// src/stdlib/qsort.c (smoothsort), glibc stdlib/msort.c, musl wiki "GNU quirks" (basename).
#include <gtest/gtest.h>
#include <libgen.h>  // dirname; basename is called from basename_call.cpp
#include <netdb.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "common/observe.hpp"

namespace libcdiff::suite {

std::string call_basename(const char* path);

namespace {

TEST(Stdio, StrerrorTexts) {
  for (int e : {0, ENOMEM, ENOTTY, ETIMEDOUT, EADDRINUSE, ENAMETOOLONG, 9999})
    observe("strerror_" + std::to_string(e), std::strerror(e));
  EXPECT_STRNE(std::strerror(ENOENT), "");
}

TEST(Stdio, OtherMessageTexts) {
  observe("strsignal_99", strsignal(99));
  observe("strsignal_SIGSEGV", strsignal(SIGSEGV));
  observe("gai_strerror_EAI_AGAIN", gai_strerror(EAI_AGAIN));
  observe("gai_strerror_EAI_NONAME", gai_strerror(EAI_NONAME));
  EXPECT_NE(gai_strerror(EAI_NONAME), nullptr);
}

struct Record {
  int key;
  int index;
};

TEST(Stdio, QsortStabilityOnEqualKeys) {
  std::vector<Record> records;
  for (int i = 0; i < 1000; ++i) records.push_back({(i * 7) % 10, i});
  std::qsort(records.data(), records.size(), sizeof(Record), [](const void* a, const void* b) {
    return static_cast<const Record*>(a)->key - static_cast<const Record*>(b)->key;
  });
  bool sorted = true, stable = true;
  for (size_t i = 1; i < records.size(); ++i) {
    sorted &= records[i - 1].key <= records[i].key;
    if (records[i - 1].key == records[i].key) stable &= records[i - 1].index < records[i].index;
  }
  EXPECT_TRUE(sorted);
  observe("equal_keys_keep_input_order", stable ? "yes" : "no");
}

TEST(Stdio, BasenameTrailingSlash) {
  observe("basename_usr_lib_slash", call_basename("/usr/lib/"));
  observe("basename_usr_lib", call_basename("/usr/lib"));
  observe("basename_slash", call_basename("/"));
  std::string dir = "/usr/lib/";
  observe("dirname_usr_lib_slash", ::dirname(dir.data()));
  EXPECT_EQ(call_basename("/usr/lib"), "lib");
}

}  // namespace
}  // namespace libcdiff::suite
