// Search lists and ndots. References: musl src/network/lookup_name.c (name_from_dns_search: names with
// >= ndots dots are tried only as-is; any result other than NXDOMAIN ends the search), glibc
// resolv/res_query.c (__res_context_search), musl wiki "Name Resolver/DNS".
#include <gtest/gtest.h>
#include <netdb.h>

#include "common/observe.hpp"
#include "dns/lab_client.hpp"

namespace libcdiff::suite::dns {
namespace {

TEST(Dns, NdotsNoSearchFallback) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  LabFiles files;
  files.resolv_conf = "nameserver 127.0.0.1\nsearch example.test\noptions ndots:1 timeout:1 attempts:1\n";
  configure(files);
  // Only p.q.example.test exists; "p.q" has 1 dot >= ndots:1.
  observe("p.q_ndots1", resolve("p.q", AF_INET).result);
  observe("a.b_ndots1_exists_bare", resolve("a.b", AF_INET).result);
  EXPECT_EQ(resolve("host", AF_INET).result, "10.1.0.1") << "a single label is searched everywhere";
}

TEST(Dns, NdotsOrderOfTries) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  LabFiles files;
  files.resolv_conf = "nameserver 127.0.0.1\nsearch example.test\noptions ndots:2 timeout:1 attempts:1\n";
  configure(files);
  // a.b (1 dot < ndots:2) tries a.b.example.test first; the trailing dot disables search.
  observe("a.b_ndots2", resolve("a.b", AF_INET).result);
  observe("a.b._trailing_dot", resolve("a.b.", AF_INET).result);
  EXPECT_EQ(resolve("host.example.test", AF_INET).result, "10.1.0.1");
}

TEST(Dns, SearchStopsOnServfail) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  LabFiles files;
  // host.broken.test is answered SERVFAIL (dnsmasq forwards broken.test to the scripted responder).
  files.resolv_conf = "nameserver 127.0.0.1\nsearch broken.test good.test\noptions timeout:1 attempts:1\n";
  configure(files);
  const Lookup l = resolve("host", AF_INET);
  observe("host_with_servfailing_first_domain", l.result);
  observe("elapsed", elapsed_class(l.elapsed_ms));
  SUCCEED();
}

TEST(Dns, SearchStopsOnNodata) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  LabFiles files;
  // host.wild.test exists with a TXT record only: NOERROR with no A (NODATA).
  files.resolv_conf = "nameserver 127.0.0.1\nsearch wild.test good.test\noptions timeout:1 attempts:1\n";
  configure(files);
  observe("host_with_nodata_first_domain", resolve("host", AF_INET).result);
  SUCCEED();
}

}  // namespace
}  // namespace libcdiff::suite::dns
