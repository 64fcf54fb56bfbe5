#include "collect/dns_lab.hpp"

#include <unistd.h>

namespace libcdiff::collect {
namespace {

const std::vector<std::string> kNamespaces = {"--mount", "--net",        "--pid",
                                              "--fork",  "--kill-child", "--mount-proc"};

bool unshare_works(exec::ProcessRunner& runner, const std::vector<std::string>& extra) {
  exec::ProcessSpec spec;
  spec.program = "unshare";
  spec.args = extra;
  spec.args.insert(spec.args.end(), kNamespaces.begin(), kNamespaces.end());
  spec.args.push_back("true");
  spec.timeout = std::chrono::seconds(10);
  return runner.run(spec).succeeded();
}

bool found(const std::vector<std::filesystem::path>& candidates) {
  for (const auto& c : candidates)
    if (access(c.c_str(), X_OK) == 0) return true;
  return false;
}

}  // namespace

DnsLab probe_dns_lab(exec::ProcessRunner& runner, const std::filesystem::path& repo_root,
                     const std::filesystem::path& lab_dir) {
  DnsLab lab;
  if (!found({"/usr/sbin/dnsmasq", "/usr/bin/dnsmasq", "/sbin/dnsmasq"})) {
    lab.reason =
        "DNS lab unavailable: dnsmasq is not installed (Debian package dnsmasq-base; scripts/setup.sh "
        "installs it)";
    return lab;
  }
  if (!found({"/usr/bin/python3"})) {
    lab.reason = "DNS lab unavailable: /usr/bin/python3 is missing (scripts/setup.sh installs it)";
    return lab;
  }
  std::vector<std::string> user_namespace;
  if (!unshare_works(runner, {})) {
    user_namespace = {"--user", "--map-root-user"};
    if (!unshare_works(runner, user_namespace)) {
      lab.reason =
          "DNS lab unavailable: cannot create network and mount namespaces (not root, and unprivileged user "
          "namespaces are disabled). Run as root, or enable them: sysctl -w "
          "kernel.unprivileged_userns_clone=1 "
          "(Debian) or user.max_user_namespaces > 0";
      return lab;
    }
  }
  lab.available = true;
  lab.launcher = {"unshare"};
  lab.launcher.insert(lab.launcher.end(), user_namespace.begin(), user_namespace.end());
  lab.launcher.insert(lab.launcher.end(), kNamespaces.begin(), kNamespaces.end());
  lab.launcher.push_back("/bin/bash");
  lab.launcher.push_back((repo_root / "suites" / "dns" / "lab" / "lab.sh").string());
  lab.launcher.push_back(lab_dir.string());
  return lab;
}

}  // namespace libcdiff::collect
