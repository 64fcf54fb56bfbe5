// /etc/hosts, nsswitch.conf, host.conf, address ordering (RFC 3484 vs RFC 6724), gai.conf,
// canonical names, getnameinfo and error codes.
// References: musl src/network/lookup_name.c (hosts file first, nsswitch.conf not read; RFC 6724
// policy table in addrcmp), glibc sysdeps/posix/getaddrinfo.c (RFC 3484 default table, gai.conf),
// glibc resolv/res_hconf.c (host.conf "multi").
#include <gtest/gtest.h>
#include <netdb.h>

#include "common/observe.hpp"
#include "dns/lab_client.hpp"

namespace libcdiff::suite::dns {
namespace {

TEST(Dns, HostsBeforeDnsRegardlessOfNsswitch) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  LabFiles files;
  files.hosts += "10.7.7.7\thostsname.example.test\n10.7.7.8\thostsalias\n";
  configure(files);
  observe("files_dns", resolve("hostsname.example.test", AF_INET).result);
  files.nsswitch_conf = "hosts: dns files\n";
  configure(files);
  observe("dns_files", resolve("hostsname.example.test", AF_INET).result);
  observe("dns_files_hosts_only_name", resolve("hostsalias", AF_INET).result);
  SUCCEED();
}

// Negative control: several lines for one name with "multi on".
TEST(Dns, HostsMultipleEntries) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  LabFiles files;
  files.hosts += "10.1.1.2\tmulti.test\n10.1.1.3\tmulti.test\n";
  configure(files);
  observe("two_lines_af_inet", resolve("multi.test", AF_INET).result);
  EXPECT_NE(resolve("multi.test", AF_INET).result.find("10.1.1.2"), std::string::npos);
}

TEST(Dns, LocalhostWithoutHostConf) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  LabFiles files;
  files.host_conf = "";  // as in a minimal image without /etc/host.conf
  configure(files);
  observe("localhost_af_unspec", resolve("localhost", AF_UNSPEC).result);
  SUCCEED();
}

TEST(Dns, AddressOrderingUlaVersusIpv4) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  configure(LabFiles{});
  // The lab's v0 has 10.0.0.100/8, 2001:db8::100/64 and fd00::100/64.
  observe("ula_and_v4", resolve("ula.example.test", AF_UNSPEC).result);
  observe("global_v6_and_v4", resolve("dual.example.test", AF_UNSPEC).result);
  SUCCEED();
}

TEST(Dns, GaiConfPrecedence) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  LabFiles files;
  files.gai_conf = "precedence ::ffff:0:0/96 100\n";
  configure(files);
  observe("dual_with_v4_preferred_in_gai_conf", resolve("dual.example.test", AF_UNSPEC).result);
  SUCCEED();
}

TEST(Dns, CanonnameWithoutFlag) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  configure(LabFiles{});
  observe("without_AI_CANONNAME", resolve("dual.example.test", AF_INET).canonname);
  observe("with_AI_CANONNAME", resolve("dual.example.test", AF_INET, AI_CANONNAME).canonname);
  EXPECT_EQ(resolve("dual.example.test", AF_INET, AI_CANONNAME).canonname, "dual.example.test");
}

TEST(Dns, AddrconfigWithIpv6Configured) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  configure(LabFiles{});
  observe("v6only_AI_ADDRCONFIG", resolve("v6only.example.test", AF_UNSPEC, AI_ADDRCONFIG).result);
  observe("dual_AI_ADDRCONFIG", resolve("dual.example.test", AF_UNSPEC, AI_ADDRCONFIG).result);
  SUCCEED();
}

TEST(Dns, ErrorCodes) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  configure(LabFiles{});
  observe("missing_name", resolve("missing.example.test", AF_INET).result);
  observe("v6only_as_af_inet", resolve("v6only.example.test", AF_INET).result);
  observe("hosts_only_localhost_as_af_inet6", resolve("localhost", AF_INET6).result);
  SUCCEED();
}

TEST(Dns, Getnameinfo) {
  LIBCDIFF_REQUIRE_DNS_LAB();
  configure(LabFiles{});
  observe("ptr_10.1.0.1", name_of("10.1.0.1", 0));
  observe("numeric_10.1.0.1", name_of("10.1.0.1", NI_NUMERICHOST));
  observe("no_ptr_namereqd", name_of("10.99.0.1", NI_NAMEREQD));
  observe("no_ptr_numeric_fallback", name_of("10.99.0.1", 0));
  observe("ipv6_ptr", name_of("2001:db8::5", 0));
  // A server that refuses reverse lookups (a temporary failure, not "no such name").
  LabFiles refusing;
  refusing.resolv_conf = "nameserver 127.0.0.56\noptions timeout:1 attempts:1\n";
  configure(refusing);
  observe("refused_ptr_numeric_fallback", name_of("10.1.0.1", 0));
  observe("refused_ptr_namereqd", name_of("10.1.0.1", NI_NAMEREQD));
  EXPECT_EQ(name_of("10.1.0.1", NI_NUMERICHOST), "10.1.0.1");
}

}  // namespace
}  // namespace libcdiff::suite::dns
