#include "dns/lab_client.hpp"

#include "common/child_process.hpp"
#include "dns/eai_name.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace libcdiff::suite::dns {
namespace {

void rewrite(const char* path, const std::string& content) {
  // Truncate and write in place: the file is a bind mount, replacing it would break the mount.
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

// Runs "/proc/self/exe --libcdiff-helper ARGS..." and returns its output. run_in_child captures the
// child's stderr, so the helper's stdout is pointed there before the exec.
std::string run_helper(const std::vector<std::string>& args, long long* elapsed_ms) {
  std::string out;
  const auto start = std::chrono::steady_clock::now();
  const std::string fate = run_in_child(
      [&args] {
        dup2(STDERR_FILENO, STDOUT_FILENO);
        std::vector<char*> argv;
        static char self[] = "/proc/self/exe";
        static char helper[] = "--libcdiff-helper";
        argv.push_back(self);
        argv.push_back(helper);
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(self, argv.data());
        return 127;
      },
      &out);
  if (elapsed_ms)
    *elapsed_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
            .count();
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return fate == "exit 0" ? out : "helper failed (" + fate + "): " + out;
}

std::string address_text(const sockaddr* sa) {
  char text[INET6_ADDRSTRLEN] = {};
  if (sa->sa_family == AF_INET)
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, text, sizeof text);
  else if (sa->sa_family == AF_INET6)
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, text, sizeof text);
  return text;
}

int helper_resolve(const char* name, int family, int flags) {
  addrinfo hints{};
  hints.ai_family = family;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = flags;
  addrinfo* result = nullptr;
  const int rc = getaddrinfo(name, nullptr, &hints, &result);
  if (rc != 0) {
    std::printf("%s\n(none)\n", eai_name(rc).c_str());
    return 0;
  }
  std::string addresses;
  for (const addrinfo* ai = result; ai != nullptr; ai = ai->ai_next)
    addresses += (addresses.empty() ? "" : " ") + address_text(ai->ai_addr);
  std::printf("%s\n%s\n", addresses.c_str(), result->ai_canonname ? result->ai_canonname : "(none)");
  freeaddrinfo(result);
  return 0;
}

int helper_name_of(const char* address, int flags) {
  sockaddr_storage storage{};
  socklen_t length = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
  if (inet_pton(AF_INET, address, &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    length = sizeof *v4;
  } else if (inet_pton(AF_INET6, address, &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    length = sizeof *v6;
  } else {
    std::printf("not an address\n");
    return 0;
  }
  char host[NI_MAXHOST];
  const int rc =
      getnameinfo(reinterpret_cast<sockaddr*>(&storage), length, host, sizeof host, nullptr, 0, flags);
  std::printf("%s\n", rc == 0 ? host : eai_name(rc).c_str());
  return 0;
}

}  // namespace

std::string lab_unavailable_reason() {
  if (std::getenv("LIBCDIFF_DNS_LAB") != nullptr) return "";
  if (const char* why = std::getenv("LIBCDIFF_DNS_LAB_UNAVAILABLE")) return why;
  return "the DNS lab is not running: run this area through 'libcdiff run --areas dns', which starts it";
}

void configure(const LabFiles& files) {
  rewrite("/etc/resolv.conf", files.resolv_conf);
  rewrite("/etc/hosts", files.hosts);
  rewrite("/etc/nsswitch.conf", files.nsswitch_conf);
  rewrite("/etc/host.conf", files.host_conf);
  rewrite("/etc/gai.conf", files.gai_conf);
}

Lookup resolve(const std::string& name, int family, int flags) {
  Lookup lookup;
  const std::string out =
      run_helper({"resolve", name, std::to_string(family), std::to_string(flags)}, &lookup.elapsed_ms);
  const auto newline = out.find('\n');
  lookup.result = out.substr(0, newline);
  lookup.canonname = newline == std::string::npos ? "" : out.substr(newline + 1);
  return lookup;
}

std::string name_of(const std::string& address, int flags) {
  return run_helper({"nameinfo", address, std::to_string(flags)}, nullptr);
}

std::string elapsed_class(long long ms) {
  if (ms < 500) return "under 0.5 s";
  if (ms < 1500) return "about 1 s";
  if (ms < 2500) return "about 2 s";
  return "2.5 s or more";
}

}  // namespace libcdiff::suite::dns

extern "C" int libcdiff_suite_helper(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[0], "resolve") == 0)
    return libcdiff::suite::dns::helper_resolve(argv[1], std::atoi(argv[2]), std::atoi(argv[3]));
  if (argc == 3 && std::strcmp(argv[0], "nameinfo") == 0)
    return libcdiff::suite::dns::helper_name_of(argv[1], std::atoi(argv[2]));
  std::fprintf(stderr, "unknown helper request\n");
  return 2;
}
