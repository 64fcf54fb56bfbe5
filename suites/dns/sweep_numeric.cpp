// Sweeps of the resolver's numeric side, which never touches the network or /etc/hosts:
//   SweepGaiStrerror: gai_strerror of every EAI_* code either libc defines (-1..-12, glibc's
//     -100..-105) and the integers around them, -200..10;
//   SweepGetaddrinfoNumeric: getaddrinfo with AI_NUMERICHOST always set (RFC 3493 6.1: no name
//     lookup) over the cross product of numeric host spellings (IPv4 dotted and the inet_aton short
//     forms, octal and hex parts, IPv6 full/compressed/embedded-IPv4, scope ids, brackets, invalid
//     ones, NULL), service spellings (NULL, decimal, out of range, signed, hex, a name), the flags
//     AI_NUMERICSERV, AI_PASSIVE, AI_CANONNAME and AI_V4MAPPED/AI_ALL, the families AF_UNSPEC,
//     AF_INET, AF_INET6 and the socket types 0, SOCK_STREAM, SOCK_DGRAM, SOCK_RAW. AI_ADDRCONFIG is
//     left out: its answer depends on the machine's interfaces. Scope ids use only "lo".
//   SweepInetPton: inet_pton for AF_INET and AF_INET6 over generated address texts: every IPv4
//     text of 1-4 parts drawn from 0 1 00 01 255 256 0x1 and the empty part, every text of length
//     1-5 over the characters ":0f.", every position of "::" in 1-9 groups with and without a trailing
//     dotted quad, and eight-group forms with one group replaced by an odd spelling.
//   SweepInetNtop: inet_ntop(AF_INET6) of every zero/non-zero pattern of the eight 16-bit groups
//     (256 patterns, non-zero groups 1 or abcd), plus the same with group 5 = ffff (v4-mapped shape).
// getaddrinfo's ai_canonname goes to a family of its own, "canonname <family> <flags> <host>", once
// per host with service "80" and SOCK_STREAM ("error" when the call fails).
// Addresses in values are formatted here from the bytes, not by the libc, except where inet_ntop is
// what is swept. Spaces in keys are written U+2420 (␠): a key's last space separates its family.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "common/observe.hpp"
#include "common/sweep_table.hpp"
#include "dns/eai_name.hpp"

namespace libcdiff::suite {
namespace {

// "\"text\"" built by appending (GCC 12 warns falsely, -Wrestrict, on "literal" + std::string&&).
std::string quoted(const char* text) {
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

std::string visible(const char* s) {
  if (s == nullptr) return "NULL";
  std::string out;
  for (const char* p = s; *p; ++p) out += *p == ' ' ? std::string("\u2420") : std::string(1, *p);
  return out.empty() ? std::string("(empty)") : out;
}

TEST(Dns, SweepGaiStrerror) {
  SweepTable table;
  for (int code = -200; code <= 10; ++code) {
    const char* text = gai_strerror(code);
    table.set("gai_strerror " + std::to_string(code), text == nullptr ? "NULL" : text);
  }
  table.write();
}

std::string bytes_v4(const unsigned char* b) {
  char s[20];
  std::snprintf(s, sizeof s, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
  return s;
}

// All eight groups, uncompressed: the libc's own inet_ntop is swept separately.
std::string bytes_v6(const unsigned char* b) {
  std::string s;
  for (int g = 0; g < 8; ++g) {
    char h[8];
    std::snprintf(h, sizeof h, "%s%x", g ? ":" : "", b[2 * g] << 8 | b[2 * g + 1]);
    s += h;
  }
  return s;
}

std::string socktype_name(int t) {
  switch (t) {
    case 0:
      return "any";
    case SOCK_STREAM:
      return "stream";
    case SOCK_DGRAM:
      return "dgram";
    case SOCK_RAW:
      return "raw";
    default:
      return std::to_string(t);
  }
}

std::string family_name(int f) {
  switch (f) {
    case AF_UNSPEC:
      return "unspec";
    case AF_INET:
      return "inet";
    case AF_INET6:
      return "inet6";
    default:
      return std::to_string(f);
  }
}

std::string describe(const addrinfo* ai) {
  std::string out;
  for (; ai != nullptr; ai = ai->ai_next) {
    if (!out.empty()) out += "; ";
    out += family_name(ai->ai_family) + " " + socktype_name(ai->ai_socktype) + " proto " +
           std::to_string(ai->ai_protocol) + " ";
    if (ai->ai_family == AF_INET && ai->ai_addrlen == sizeof(sockaddr_in)) {
      const auto* sin = reinterpret_cast<const sockaddr_in*>(ai->ai_addr);
      out += bytes_v4(reinterpret_cast<const unsigned char*>(&sin->sin_addr)) + " port " +
             std::to_string(ntohs(sin->sin_port));
    } else if (ai->ai_family == AF_INET6 && ai->ai_addrlen == sizeof(sockaddr_in6)) {
      const auto* sin6 = reinterpret_cast<const sockaddr_in6*>(ai->ai_addr);
      out += bytes_v6(reinterpret_cast<const unsigned char*>(&sin6->sin6_addr)) + " port " +
             std::to_string(ntohs(sin6->sin6_port));
      if (sin6->sin6_scope_id != 0) out += " scope " + std::to_string(sin6->sin6_scope_id);
      if (sin6->sin6_flowinfo != 0) out += " flow " + std::to_string(sin6->sin6_flowinfo);
    } else {
      out += "addrlen " + std::to_string(ai->ai_addrlen);
    }
  }
  return out;
}

// ai_canonname of the first result, and whether the others carry one: its own family, so that it
// does not mix with the addresses.
std::string canonical_names(const addrinfo* ai) {
  std::string first = ai->ai_canonname ? quoted(ai->ai_canonname) : std::string("NULL");
  int others = 0;
  for (const addrinfo* next = ai->ai_next; next != nullptr; next = next->ai_next)
    others += next->ai_canonname != nullptr;
  return first + ", " + std::to_string(others) + " other result(s) with a name";
}

const char* const kHosts[] = {
    nullptr,
    "",
    "0",
    "1",
    "127.0.0.1",
    "127.1",
    "127.0.1",
    "0x7f.1",
    "0177.0.0.1",
    "2130706433",
    "0x7f000001",
    "017700000001",
    "01.02.03.04",
    "08.0.0.1",
    "1.2.3.04",
    "1.2.3.256",
    "256.1.1.1",
    "1.2.3.4.",
    "1.2.3.4.5",
    " 1.2.3.4",
    "1.2.3.4 ",
    "1..2.3",
    "0.0.0.0",
    "255.255.255.255",
    "4294967295",
    "4294967296",
    "0x",
    "1e1",
    "a",
    "localhost",
    "::",
    "::1",
    "::ffff:1.2.3.4",
    "::1.2.3.4",
    "1::2::3",
    "1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:1.2.3.4",
    "1:2:3:4:5:6:7:1.2.3.4",
    "1:2:3:4:5:6:7::",
    "::ffff:1.2.3",
    "0:0:0:0:0:0:0:1",
    "00000::1",
    "fe80::1%lo",
    "fe80::1%1",
    "fe80::1%",
    "fe80::1%0",
    "ff02::1%lo",
    "::1%lo",
    "1.2.3.4%lo",
    "[::1]",
    "[1.2.3.4]",
    "FE80::A",
    "::FFFF:127.0.0.1",
};
const char* const kServices[] = {nullptr, "",   "0",   "80",  "080", "0x50", "65535",
                                 "65536", "-1", "+80", " 80", "80x", "http"};
const int kSocktypes[] = {0, SOCK_STREAM, SOCK_DGRAM, SOCK_RAW};
const int kFamilies[] = {AF_UNSPEC, AF_INET, AF_INET6};

TEST(Dns, SweepGetaddrinfoNumeric) {
  SweepTable table;
  for (int family : kFamilies)
    for (int socktype : kSocktypes)
      for (int extra = 0; extra < 24; ++extra) {
        int flags = AI_NUMERICHOST;
        std::string flag_text = "NUMERICHOST";
        if (extra & 1) flags |= AI_NUMERICSERV, flag_text += "|NUMERICSERV";
        if (extra & 2) flags |= AI_PASSIVE, flag_text += "|PASSIVE";
        if (extra & 4) flags |= AI_CANONNAME, flag_text += "|CANONNAME";
        if (extra >> 3 == 1) flags |= AI_V4MAPPED, flag_text += "|V4MAPPED";
        if (extra >> 3 == 2) flags |= AI_V4MAPPED | AI_ALL, flag_text += "|V4MAPPED|ALL";
        // ai_canonname depends on the host, the family and the flags: once per host, with service
        // "80" and SOCK_STREAM, "error" when the call fails (the error itself is swept above).
        if (socktype == SOCK_STREAM)
          for (const char* host : kHosts) {
            addrinfo hints{};
            hints.ai_family = family;
            hints.ai_socktype = SOCK_STREAM;
            hints.ai_flags = flags;
            addrinfo* result = nullptr;
            const int rc = getaddrinfo(host, "80", &hints, &result);
            table.set("canonname " + family_name(family) + " " + flag_text + " " + visible(host),
                      rc != 0 ? std::string("error") : canonical_names(result));
            if (rc == 0) freeaddrinfo(result);
          }
        for (const char* service : kServices) {
          const std::string family_key = "getaddrinfo " + family_name(family) + " " +
                                         socktype_name(socktype) + " " + flag_text +
                                         " service=" + visible(service) + " ";
          for (const char* host : kHosts) {
            if (host == nullptr && service == nullptr) continue;  // EAI_NONAME by definition, both
            addrinfo hints{};
            hints.ai_family = family;
            hints.ai_socktype = socktype;
            hints.ai_flags = flags;
            addrinfo* result = nullptr;
            errno = 0;
            const int rc = getaddrinfo(host, service, &hints, &result);
            std::string value;
            if (rc != 0) {
              value = eai_name(rc);
            } else {
              value = describe(result);
              freeaddrinfo(result);
            }
            table.set(family_key + visible(host), value);
          }
        }
      }
  table.write();
}

std::vector<std::string> pton_texts() {
  std::set<std::string> out;
  // IPv4 shapes: 1-4 parts.
  const char* const parts[] = {"0", "1", "00", "01", "255", "256", "0x1", ""};
  std::vector<std::string> level(std::begin(parts), std::end(parts));
  out.insert(level.begin(), level.end());
  for (int n = 2; n <= 4; ++n) {
    std::vector<std::string> next;
    for (const std::string& prefix : level)
      for (const char* p : parts) next.push_back(prefix + "." + p);
    out.insert(next.begin(), next.end());
    level = next;
  }
  // every text of length 1-5 over ":0f."
  const char alphabet[] = {':', '0', 'f', '.'};
  level = {""};
  for (int n = 1; n <= 5; ++n) {
    std::vector<std::string> next;
    for (const std::string& prefix : level)
      for (char c : alphabet) next.push_back(prefix + c);
    for (const std::string& t : next) out.insert(t);
    level = next;
  }
  // "::" at every position among 1-9 groups "1", with and without a trailing dotted quad
  for (int groups = 0; groups <= 9; ++groups)
    for (int at = -1; at <= groups; ++at)
      for (bool quad : {false, true}) {
        std::string t;
        for (int g = 0; g < groups; ++g) {
          if (g == at)
            t += g == 0 ? "::" : ":";
          else if (g > 0)
            t += ":";
          t += "1";
        }
        if (at == groups) t += "::";
        if (quad) t += (t.empty() || t.back() == ':') ? "1.2.3.4" : ":1.2.3.4";
        if (!t.empty()) out.insert(t);
      }
  // eight groups with one replaced by an odd spelling
  const char* const odd[] = {"", "0", "00000", "fffff", "FFFF", "g", "+1", " 1"};
  for (int at = 0; at < 8; ++at)
    for (const char* o : odd) {
      std::string t;
      for (int g = 0; g < 8; ++g) t += std::string(g ? ":" : "") + (g == at ? o : "1");
      out.insert(t);
    }
  return {out.begin(), out.end()};
}

TEST(Dns, SweepInetPton) {
  SweepTable table;
  for (const std::string& text : pton_texts()) {
    const std::string key = visible(text.c_str());
    unsigned char v4[4];
    errno = 0;
    int rc = inet_pton(AF_INET, text.c_str(), v4);
    table.set("inet_pton4 " + key, rc == 1 ? "1 " + bytes_v4(v4) : std::to_string(rc));
    unsigned char v6[16];
    rc = inet_pton(AF_INET6, text.c_str(), v6);
    table.set("inet_pton6 " + key, rc == 1 ? "1 " + bytes_v6(v6) : std::to_string(rc));
  }
  unsigned char any[16] = {};
  errno = 0;
  const int rc = inet_pton(AF_UNIX, "1.2.3.4", any);
  std::string value = std::to_string(rc);
  if (rc < 0) value.append(" ").append(errno_name(errno));
  table.set("inet_pton-family AF_UNIX", value);
  table.write();
}

TEST(Dns, SweepInetNtop) {
  SweepTable table;
  for (int mapped = 0; mapped < 2; ++mapped)
    for (unsigned value : {0x1u, 0xabcdu})
      for (unsigned mask = 0; mask < 256; ++mask) {
        unsigned char b[16] = {};
        for (int g = 0; g < 8; ++g)
          if (mask & (0x80u >> g)) {
            b[2 * g] = static_cast<unsigned char>(value >> 8);
            b[2 * g + 1] = static_cast<unsigned char>(value);
          }
        if (mapped) b[10] = b[11] = 0xff;
        char text[INET6_ADDRSTRLEN + 8];
        const char* r = inet_ntop(AF_INET6, b, text, sizeof text);
        char key[64];
        std::snprintf(key, sizeof key, "inet_ntop6 %s%s 0x%02x", mapped ? "ffff-at-5 " : "",
                      value == 1 ? "ones" : "abcd", mask);
        table.set(key, r == nullptr ? "NULL " + errno_name(errno) : std::string(r));
      }
  // The buffer size limits: the longest IPv6 text into buffers one byte too short and exactly long.
  unsigned char b[16];
  std::memset(b, 0xab, sizeof b);
  b[10] = b[11] = 0xff;
  for (socklen_t size = 0; size <= INET6_ADDRSTRLEN; ++size) {
    char text[INET6_ADDRSTRLEN];
    errno = 0;
    const char* r = inet_ntop(AF_INET6, b, text, size);
    table.set("inet_ntop6-size " + std::to_string(size),
              r == nullptr ? "NULL " + errno_name(errno) : std::string(r));
  }
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
