#include "scan/root_path.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <string>
#include <vector>

namespace libcdiff::scan {
namespace {

constexpr int kMaxSymlinks = 40;  // Linux's own limit (MAXSYMLINKS)

RootLookup not_found(int error) {
  const bool absent = error == ENOENT || error == ENOTDIR || error == EACCES || error == ENAMETOOLONG;
  return {absent ? RootLookupStatus::absent : RootLookupStatus::failed, {}, error};
}

// Opens for reading, as a loader would, and closes again: readable files only count as found.
RootLookup open_check(const std::filesystem::path& host_path) {
  const int fd = ::open(host_path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return not_found(errno);
  ::close(fd);
  return {RootLookupStatus::found, host_path, 0};
}

// Pushes the components of `path` so that the first one is popped first.
void push_components(std::vector<std::string>& pending, std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) parts.emplace_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  pending.insert(pending.end(), parts.rbegin(), parts.rend());
}

}  // namespace

RootLookup lookup_in_root(const std::filesystem::path& root, std::string_view path) {
  if (path.empty()) return not_found(ENOENT);
  if (root.empty() || root == "/") {
    return open_check(path.front() == '/' ? std::filesystem::path(path) : std::filesystem::path("/") / path);
  }
  std::vector<std::string> pending;
  push_components(pending, path);
  std::vector<std::string> resolved;
  const auto host_of = [&](const std::vector<std::string>& parts) {
    std::filesystem::path p = root;
    for (const auto& part : parts) p /= part;
    return p;
  };
  int links = 0;
  while (!pending.empty()) {
    const std::string part = std::move(pending.back());
    pending.pop_back();
    if (part == ".") continue;
    if (part == "..") {
      if (!resolved.empty()) resolved.pop_back();
      continue;
    }
    resolved.push_back(part);
    const auto host = host_of(resolved);
    struct stat st {};
    if (::lstat(host.c_str(), &st) != 0) return not_found(errno);
    if (S_ISLNK(st.st_mode)) {
      if (++links > kMaxSymlinks) return not_found(ELOOP);
      std::string target(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : PATH_MAX), '\0');
      const ssize_t n = ::readlink(host.c_str(), target.data(), target.size());
      if (n < 0) return not_found(errno);
      target.resize(static_cast<std::size_t>(n));
      resolved.pop_back();
      if (!target.empty() && target.front() == '/') resolved.clear();
      push_components(pending, target);
      continue;
    }
    if (!pending.empty() && !S_ISDIR(st.st_mode)) return not_found(ENOTDIR);
  }
  return open_check(host_of(resolved));
}

}  // namespace libcdiff::scan
