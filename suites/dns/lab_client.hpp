// How DNS cases talk to the lab (lab/lab.sh): rewrite the lab's /etc files for a case, then resolve
// in a fresh exec of the suite binary, so no resolver state (glibc caches host.conf, gai.conf and
// nsswitch.conf per process) leaks from one case into the next.
#pragma once

#include <string>

namespace libcdiff::suite::dns {

struct LabFiles {
  std::string resolv_conf = "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n";
  std::string hosts = "127.0.0.1\tlocalhost\n::1\tlocalhost\n";
  std::string nsswitch_conf = "hosts: files dns\n";
  std::string host_conf = "multi on\n";
  std::string gai_conf;
};

// Why the lab is not usable in this process ("" when it is).
std::string lab_unavailable_reason();

// Rewrites the lab's bind-mounted /etc files in place.
void configure(const LabFiles& files);

struct Lookup {
  std::string result;     // "10.1.0.1 fd00::6" in the order returned, or "EAI_NONAME", ...
  std::string canonname;  // ai_canonname of the first result, "(none)" when NULL
  long long elapsed_ms = 0;
};

// getaddrinfo(name, NULL, {family, SOCK_STREAM, flags}) in a fresh process.
Lookup resolve(const std::string& name, int family, int flags = 0);

// getnameinfo of an IPv4/IPv6 address in a fresh process: "host.example.test" or "EAI_NONAME".
std::string name_of(const std::string& address, int flags);

// Coarse elapsed-time classes: timings are observations, never pass/fail thresholds.
std::string elapsed_class(long long ms);

}  // namespace libcdiff::suite::dns

#define LIBCDIFF_REQUIRE_DNS_LAB()                                               \
  do {                                                                           \
    const std::string reason = ::libcdiff::suite::dns::lab_unavailable_reason(); \
    if (!reason.empty()) GTEST_SKIP() << reason;                                 \
  } while (0)
