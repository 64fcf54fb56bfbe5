#include "collect/provenance.hpp"

#include <sys/utsname.h>
#include <unistd.h>

#include <fmt/core.h>
#include <toml++/toml.h>
#include <CLI/Version.hpp>
#include <boost/version.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>

#include "util/file_text.hpp"

namespace libcdiff::collect {
namespace {

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string value_of(const std::map<std::string, std::string>& m, const std::string& key) {
  const auto it = m.find(key);
  return it == m.end() ? "" : it->second;
}

// Where a probe runs: on the host, or through a container prefix.
struct ProbePlace {
  std::vector<std::string> launcher;
  std::map<std::string, std::string> environment;
};

std::string run_for_output(exec::ProcessRunner& runner, const std::filesystem::path& program,
                           std::vector<std::string> args, const std::filesystem::path& scratch,
                           const ProbePlace& place = {}) {
  const auto out = scratch / ".libcdiff-probe.out";
  exec::ProcessSpec spec;
  spec.program = program;
  spec.args = std::move(args);
  if (!place.launcher.empty()) {
    spec.args.insert(spec.args.begin(), program.string());
    spec.args.insert(spec.args.begin(), place.launcher.begin() + 1, place.launcher.end());
    spec.program = place.launcher.front();
    spec.environment = place.environment;
  }
  spec.timeout = std::chrono::seconds(10);
  spec.stdout_path = out;
  spec.stderr_path = out;
  const auto result = runner.run(spec);
  std::string text = result.termination == exec::Termination::exited ? util::read_text_if_present(out) : "";
  std::filesystem::remove(out);
  return text;
}

std::string dpkg_version(exec::ProcessRunner& runner, const std::string& package,
                         const std::filesystem::path& scratch, const ProbePlace& place = {}) {
  return trimmed(run_for_output(runner, "dpkg-query", {"-W", "-f=${Version}", package}, scratch, place));
}

std::map<std::string, std::string> host_facts() {
  std::map<std::string, std::string> host;
  struct utsname u {};
  if (uname(&u) == 0) {
    host["kernel"] = std::string(u.sysname) + " " + u.release;
    host["machine"] = u.machine;
  }
  host["cores"] = std::to_string(sysconf(_SC_NPROCESSORS_ONLN));
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line))
    if (line.starts_with("model name")) {
      host["cpu"] = trimmed(line.substr(line.find(':') + 2));
      break;
    }
  return host;
}

}  // namespace

std::string parse_musl_banner_version(const std::string& banner) {
  if (banner.find("musl libc") == std::string::npos) return "";
  const auto pos = banner.find("Version ");
  if (pos == std::string::npos) return "";
  const auto end = banner.find_first_of(" \n", pos + 8);
  return banner.substr(pos + 8, end == std::string::npos ? std::string::npos : end - pos - 8);
}

std::map<std::string, std::string> harness_dependency_versions() {
  return {
      {"boost", std::to_string(BOOST_VERSION / 100000) + "." + std::to_string(BOOST_VERSION / 100 % 1000) +
                    "." + std::to_string(BOOST_VERSION % 100)},
      {"cli11", CLI11_VERSION},
      {"fmt", std::to_string(FMT_VERSION / 10000) + "." + std::to_string(FMT_VERSION / 100 % 100) + "." +
                  std::to_string(FMT_VERSION % 100)},
      {"nlohmann_json", std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                            std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                            std::to_string(NLOHMANN_JSON_VERSION_PATCH)},
      {"pugixml", std::to_string(PUGIXML_VERSION / 1000) + "." + std::to_string(PUGIXML_VERSION % 1000 / 10)},
      {"tomlplusplus", std::to_string(TOML_LIB_MAJOR) + "." + std::to_string(TOML_LIB_MINOR) + "." +
                           std::to_string(TOML_LIB_PATCH)},
  };
}

model::Provenance resolve_provenance(exec::ProcessRunner& runner, const ProvenanceInputs& in) {
  model::Provenance p;
  const auto& id = in.identity;
  auto& libc = p.libc;
  libc.family = value_of(id, "libc.family");
  libc.path = value_of(id, "libc.path");
  libc.link_mode = value_of(id, "libc.link_mode");
  p.compiler = value_of(id, "toolchain.compiler");
  p.cxx_library = value_of(id, "toolchain.cxx_library");
  const std::string stack = value_of(id, "threads.default_stack_bytes");
  p.thread_default_stack_bytes = stack.empty() ? -1 : std::stoll(stack);

  // Local images carry the host's own libc files, so the host's package database describes them; a
  // distribution image is asked itself.
  const ProbePlace image{in.launcher, in.launcher_environment};
  const bool distro = in.target != nullptr && in.target->runs == targets::Runs::distro_image;
  const ProbePlace package_place = distro ? image : ProbePlace{};
  if (libc.family == "glibc") {
    libc.version = value_of(id, "libc.version");
    libc.version_source = "gnu_get_libc_version() in the suite binary";
    libc.package_version = dpkg_version(runner, "libc6", in.scratch_dir, package_place);
  } else if (libc.family == "musl") {
    if (!libc.path.empty()) {
      // musl's libc.so is also its dynamic loader: run without arguments it prints its version.
      libc.version = parse_musl_banner_version(run_for_output(runner, libc.path, {}, in.scratch_dir, image));
      libc.version_source = "banner of the libc mapped by the suite binary (" + libc.path + ")";
    }
    if (libc.version.empty() && in.target != nullptr) {
      libc.version = in.target->musl_release;
      libc.version_source = "build sysroot (a static binary carries no version string)";
    }
    if (distro)
      libc.package_version =
          trimmed(run_for_output(runner, "apk", {"info", "-v", "musl"}, in.scratch_dir, image));
    else if (in.target != nullptr && in.target->musl_release == "1.2.5")
      libc.package_version =
          trimmed(util::read_text_if_present(in.cache_dir / "musl-1.2.5" / "package-version"));
    else
      libc.package_version = dpkg_version(runner, "musl-dev", in.scratch_dir);
  }
  p.host = host_facts();
  p.dependencies = harness_dependency_versions();
  if (distro) {
    // The Dockerfile's build stage wrote "<package> <version>" lines for the compiler and libraries.
    const auto text = run_for_output(runner, "cat", {"/opt/libcdiff/versions.txt"}, in.scratch_dir, image);
    std::istringstream lines(text);
    for (std::string name, version; lines >> name >> version;) p.dependencies[name] = version;
    // The image axis (issue 15): what else in the image decides results, read inside it, so a result
    // that changes between alpine:3.20 and alpine:3.21 can be tied to the package that changed.
    p.dependencies["os"] =
        trimmed(run_for_output(runner, "sh", {"-c", ". /etc/os-release 2>/dev/null && echo \"$PRETTY_NAME\""},
                               in.scratch_dir, image));
    p.dependencies["tzdata"] =
        trimmed(run_for_output(runner, "sh",
                               {"-c",
                                "apk info -v tzdata 2>/dev/null | head -n 1 || true; dpkg-query -W "
                                "-f='${Version}' tzdata 2>/dev/null || true"},
                               in.scratch_dir, image));
  } else {
    p.dependencies["googletest"] = dpkg_version(runner, "googletest", in.scratch_dir);
  }
  return p;
}

}  // namespace libcdiff::collect
