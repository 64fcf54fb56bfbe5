// Starting the DNS lab (suites/dns/lab/lab.sh, DESIGN §5) around the dns suite: the suite binary runs
// inside fresh PID, network and mount namespaces made by unshare(1), as root or, where the kernel
// allows it, in an unprivileged user namespace. Because the lab script is PID 1 of its namespace,
// every server it starts dies with it and its mounts and network vanish with it: success, failure,
// timeout and Ctrl-C all tear it down, and no named namespace or host mount is ever created.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "exec/process_runner.hpp"

namespace libcdiff::collect {

struct DnsLab {
  bool available = false;
  std::string reason;                 // why not, and what to enable
  std::vector<std::string> launcher;  // program and arguments to put before the suite command
};

// Probes what this machine allows (a real unshare, nothing left behind) and checks dnsmasq/python3.
DnsLab probe_dns_lab(exec::ProcessRunner& runner, const std::filesystem::path& repo_root,
                     const std::filesystem::path& lab_dir);

}  // namespace libcdiff::collect
