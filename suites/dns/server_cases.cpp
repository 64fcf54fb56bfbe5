// Nameserver behaviour: failures, timeouts, parallel queries, truncation.
// References: musl src/network/res_msend.c (all nameservers queried in parallel; timeout is the total;
// unconnected socket), musl src/network/lookup_name.c (paired A+AAAA errors, commit 5cf1ac24 in 1.2.1),
// musl WHATSNEW 1.2.4 (TCP fallback on truncation), glibc resolv/res_send.c, glibc bug 27929.
#include <gtest/gtest.h>
#include <netdb.h>

#include <algorithm>

#include "common/observe.hpp"
#include "dns/lab_client.hpp"

namespace libcdiff::suite::dns {
namespace {

LabFiles with_resolv(const std::string& resolv) {
  LabFiles files;
  files.resolv_conf = resolv;
  return files;
}

size_t count_addresses(const std::string& result) {
  if (result.empty() || result.starts_with("EAI")) return 0;
  return static_cast<size_t>(std::count(result.begin(), result.end(), ' ')) + 1;
}

TEST(Dns, AaaaServfailFailsUnspecLookup) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  // 127.0.0.54 answers A with 10.0.0.3 and AAAA with SERVFAIL.
  configure(with_resolv("nameserver 127.0.0.54\noptions timeout:1 attempts:1\n"));
  const Lookup unspec = resolve("any.example.test", AF_UNSPEC);
  observe("af_unspec", unspec.result);
  observe("af_unspec_elapsed", elapsed_class(unspec.elapsed_ms));
  const Lookup v4 = resolve("any.example.test", AF_INET);
  observe("af_inet", v4.result);
  EXPECT_EQ(v4.result, "10.0.0.3") << "an A-only lookup never asks for AAAA";
}

TEST(Dns, TruncatedAnswerTcpFallback) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  configure(with_resolv("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n"));
  const Lookup l = resolve("big.example.test", AF_INET);
  observe("addresses_for_40_record_name", static_cast<long long>(count_addresses(l.result)));
  EXPECT_GT(count_addresses(l.result), 0u);
}

TEST(Dns, TruncatedAnswerWithoutTcpServer) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  configure(with_resolv("nameserver 127.0.0.55\noptions timeout:1 attempts:1\n"));
  const Lookup l = resolve("tc.example.test", AF_INET);
  observe("result", l.result);
  observe("elapsed", elapsed_class(l.elapsed_ms));
  SUCCEED();
}

TEST(Dns, ParallelNameservers) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  // The first server never answers; the second does.
  configure(with_resolv("nameserver 127.0.0.3\nnameserver 127.0.0.1\noptions timeout:1 attempts:1\n"));
  const Lookup l = resolve("host.example.test", AF_INET);
  observe("result", l.result);
  observe("elapsed_with_silent_first_server", elapsed_class(l.elapsed_ms));
  EXPECT_EQ(l.result, "10.1.0.1");
}

TEST(Dns, ServerPortClosed) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  configure(with_resolv("nameserver 127.0.0.9\noptions timeout:1 attempts:1\n"));
  const Lookup l = resolve("host.example.test", AF_INET);
  observe("result", l.result);
  observe("elapsed_with_nothing_listening", elapsed_class(l.elapsed_ms));
  EXPECT_NE(l.result, "10.1.0.1");
}

TEST(Dns, TimeoutAttemptsSemantics) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  configure(with_resolv("nameserver 127.0.0.3\noptions timeout:1 attempts:2\n"));
  const Lookup l = resolve("host.example.test", AF_INET);
  observe("result", l.result);
  observe("elapsed_silent_server_timeout1_attempts2", elapsed_class(l.elapsed_ms));
  SUCCEED();
}

// Negative control: a REFUSED or SERVFAIL first server, a working second one.
TEST(Dns, FailingThenWorkingServer) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  configure(with_resolv("nameserver 127.0.0.56\nnameserver 127.0.0.1\noptions timeout:1 attempts:1\n"));
  const Lookup refused = resolve("host.example.test", AF_INET);
  observe("refused_then_working", refused.result);
  configure(with_resolv("nameserver 127.0.0.53\nnameserver 127.0.0.1\noptions timeout:1 attempts:1\n"));
  observe("servfail_then_working", resolve("host.example.test", AF_INET).result);
  SUCCEED();
}

TEST(Dns, ResolvConfOptionsOneLibcIgnores) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  configure(with_resolv("nameserver 127.0.0.1\noptions no-aaaa timeout:1 attempts:1\n"));
  observe("no-aaaa_dual_unspec", resolve("dual.example.test", AF_UNSPEC).result);
  configure(with_resolv("nameserver 127.0.0.1\noptions use-vc timeout:1 attempts:1\n"));
  observe("use-vc_big_count",
          static_cast<long long>(count_addresses(resolve("big.example.test", AF_INET).result)));
  SUCCEED();
}

}  // namespace
}  // namespace libcdiff::suite::dns
