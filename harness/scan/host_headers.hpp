// The host's third-party headers, without its libc's, for compiles against another libc (issue 13,
// item 5). Debian installs library headers (fmt, boost, openssl, glib...) into /usr/include beside
// glibc's own; a musl system has them from its own -dev packages. So a compile against the musl
// sysroot may see the host's /usr/include after its own headers, but never a header glibc provides
// (execinfo.h, error.h, sys/cdefs.h would then "exist"): those are the files dpkg lists for libc6-dev.
// The C++ library's headers (libstdc++, /usr/include/c++) are left out too; the target has libc++.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "exec/process_runner.hpp"

namespace libcdiff::scan {

struct HostHeaderOptions {
  std::filesystem::path include_root = "/usr/include";
  std::filesystem::path local_include = "/usr/local/include";  // searched first, as by the host compilers
  std::string multiarch = "x86_64-linux-gnu";              // <include_root>/<multiarch> before include_root
  std::vector<std::string> libc_packages = {"libc6-dev"};  // whose files are the libc's headers
};

struct HostHeaders {
  std::vector<std::filesystem::path> directories;  // for -idirafter, in search order
  std::string description;  // for the report: what is seen and what is left out, or why nothing is
};

// Mirrors what may be seen into `overlay_dir` (symlinks: whole directories where nothing of the libc
// is inside, files otherwise) after asking dpkg-query which files the libc packages installed.
HostHeaders host_header_overlay(exec::ProcessRunner& runner, const HostHeaderOptions& options,
                                const std::filesystem::path& overlay_dir);

}  // namespace libcdiff::scan
