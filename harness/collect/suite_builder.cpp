#include "collect/suite_builder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <functional>
#include <sstream>

#include "util/file_text.hpp"

namespace libcdiff::collect {
namespace {

exec::ProcessSpec cmake_spec(const BuildRequest& request, std::vector<std::string> args,
                             const std::filesystem::path& log) {
  exec::ProcessSpec spec;
  spec.program = "cmake";
  spec.args = std::move(args);
  spec.environment = request.environment;
  spec.timeout = std::chrono::minutes(20);
  spec.stdout_path = log;
  spec.stderr_path = log;
  return spec;
}

// Builds one CMake target on its own: a failure is that target's error, never a stale binary.
AreaBuild build_one(exec::ProcessRunner& runner, const BuildRequest& request, const std::string& cmake_target,
                    const std::filesystem::path& binary, const std::filesystem::path& log) {
  const auto process =
      runner.run(cmake_spec(request, {"--build", request.build_dir.string(), "--target", cmake_target}, log));
  AreaBuild build;
  if (process.succeeded()) {
    build.binary = binary;
  } else {
    const std::string line = first_error_line(util::read_text_if_present(log));
    build.error = "build failed (" + process.describe() + ")" + (line.empty() ? "" : ": " + line) +
                  "; log: " + log.string();
  }
  return build;
}

// An exclusive lock on one build tree, held for the whole build: two concurrent builds of one
// target would otherwise both run ninja in the same directory and one would fail.
class BuildDirLock {
 public:
  BuildDirLock(const std::filesystem::path& build_dir,
               const std::function<void(const std::string&)>& on_wait) {
    const auto path = build_dir.string() + ".lock";  // beside the tree: the tree itself may be removed
    std::filesystem::create_directories(build_dir.parent_path());
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) return;  // an unlockable tree is built unlocked, as before
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
    if (on_wait) on_wait("another libcdiff is building " + build_dir.string() + "; waiting for it");
    while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  ~BuildDirLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
  }
  BuildDirLock(const BuildDirLock&) = delete;
  BuildDirLock& operator=(const BuildDirLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace

std::string build_fingerprint(const BuildRequest& request) {
  std::string fingerprint;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(request.repo_root / "cmake" / "toolchains"))
    files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) fingerprint += f.filename().string() + "\n" + util::read_text_if_present(f);
  fingerprint += "cache " + std::filesystem::absolute(request.cache_dir).string() + "\n";
  for (const auto& entry : request.target->cache_entries)
    fingerprint += entry + " " + util::read_text_if_present(request.cache_dir / entry / ".libcdiff-done");
  return std::to_string(std::hash<std::string>{}(fingerprint));
}

std::string first_error_line(const std::string& log) {
  std::istringstream lines(log);
  std::string line;
  while (std::getline(lines, line))
    if (line.find("error:") != std::string::npos || line.find("CMake Error") != std::string::npos ||
        line.find("undefined reference") != std::string::npos ||
        line.find("undefined symbol") != std::string::npos)
      return line;
  return "";
}

BuildResult build_suites(exec::ProcessRunner& runner, const BuildRequest& request) {
  BuildResult result;
  const BuildDirLock lock(request.build_dir, request.on_wait);
  const std::string fingerprint = build_fingerprint(request);
  const auto fingerprint_file = request.build_dir / "libcdiff-fingerprint";
  if (util::read_text_if_present(fingerprint_file) != fingerprint)
    std::filesystem::remove_all(request.build_dir);
  std::filesystem::create_directories(request.build_dir);
  const auto configure_log = request.build_dir / "libcdiff-configure.log";
  if (!std::filesystem::exists(request.build_dir / "build.ninja")) {
    const auto process = runner.run(cmake_spec(
        request,
        {"-S", (request.repo_root / "suites").string(), "-B", request.build_dir.string(), "-G", "Ninja",
         "-DCMAKE_BUILD_TYPE=Release",
         "-DCMAKE_TOOLCHAIN_FILE=" + targets::toolchain_file(*request.target, request.repo_root).string()},
        configure_log));
    if (!process.succeeded()) {
      std::filesystem::remove(request.build_dir / "build.ninja");  // never reuse a half-configured tree
      const std::string line = first_error_line(util::read_text_if_present(configure_log));
      result.configure_error = "configuring the suites failed (" + process.describe() + ")" +
                               (line.empty() ? "" : ": " + line) + "; log: " + configure_log.string();
      return result;
    }
    std::ofstream(fingerprint_file, std::ios::binary) << fingerprint;
  }
  for (const auto& area : request.areas)
    result.areas[area] = build_one(runner, request, "suite_" + area, request.build_dir / ("suite_" + area),
                                   request.build_dir / ("libcdiff-build-" + area + ".log"));
  for (const auto& area : request.bench_areas)
    result.bench_areas[area] =
        build_one(runner, request, "bench_" + area, request.build_dir / "benchmarks" / ("bench_" + area),
                  request.build_dir / ("libcdiff-build-bench-" + area + ".log"));
  for (const char* program : {"hello_c_static", "hello_c_dynamic", "hello_cxx_static", "hello_cxx_dynamic"}) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(request.build_dir / "benchmarks" / program, ec);
    if (!ec) result.program_sizes[program] = static_cast<long long>(size);
  }
  return result;
}

std::vector<std::string> benchmark_areas(const std::filesystem::path& repo_root) {
  std::vector<std::string> areas;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(repo_root / "benchmarks", ec)) {
    if (!entry.is_directory() || entry.path().filename() == "common") continue;
    for (const auto& file : std::filesystem::directory_iterator(entry.path()))
      if (file.path().extension() == ".cpp") {
        areas.push_back(entry.path().filename().string());
        break;
      }
  }
  std::sort(areas.begin(), areas.end());
  return areas;
}

}  // namespace libcdiff::collect
