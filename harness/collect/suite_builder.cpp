#include "collect/suite_builder.hpp"

#include <fstream>
#include <sstream>

namespace libcdiff::collect {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

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

}  // namespace

std::string first_error_line(const std::string& log) {
  std::istringstream lines(log);
  std::string line;
  while (std::getline(lines, line))
    if (line.find("error:") != std::string::npos || line.find("CMake Error") != std::string::npos ||
        line.find("undefined reference") != std::string::npos || line.find("undefined symbol") != std::string::npos)
      return line;
  return "";
}

BuildResult build_suites(exec::ProcessRunner& runner, const BuildRequest& request) {
  BuildResult result;
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
      const std::string line = first_error_line(read_text(configure_log));
      result.configure_error = "configuring the suites failed (" + process.describe() + ")" +
                               (line.empty() ? "" : ": " + line) + "; log: " + configure_log.string();
      return result;
    }
  }
  for (const auto& area : request.areas) {
    const auto log = request.build_dir / ("libcdiff-build-" + area + ".log");
    const auto process =
        runner.run(cmake_spec(request, {"--build", request.build_dir.string(), "--target", "suite_" + area}, log));
    AreaBuild build;
    if (process.succeeded()) {
      build.binary = request.build_dir / ("suite_" + area);
    } else {
      const std::string line = first_error_line(read_text(log));
      build.error = "build failed (" + process.describe() + ")" + (line.empty() ? "" : ": " + line) +
                    "; log: " + log.string();
    }
    result.areas[area] = build;
  }
  return result;
}

}  // namespace libcdiff::collect
