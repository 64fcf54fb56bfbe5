// How one target of a run gets its binaries and starts them: built and run on the host, or run in
// a container (an offline image around the host twin's build, or a distribution image built from a
// Dockerfile). run_command asks this object, never the target kind, so both paths share one loop.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "collect/container_target.hpp"
#include "collect/dns_lab.hpp"
#include "collect/suite_builder.hpp"
#include "collect/suite_runner.hpp"
#include "exec/container_session.hpp"
#include "targets/target.hpp"

namespace libcdiff::cli {

class TargetRuntime {
 public:
  // `session` is required for container targets and may be null for host targets.
  TargetRuntime(Context& ctx, const targets::Target& target, exec::ContainerSession* session);

  // Fails fast (exit 3) when a distribution image's base cannot be had; nothing for other targets.
  void check_available();

  struct BuildInputs {
    std::filesystem::path build_root;  // <build root>/<target> trees live here
    std::vector<std::string> areas;
    std::vector<std::string> bench_areas;
    std::filesystem::path log_dir;                    // image build logs
    std::function<void(const std::string&)> on_wait;  // another run holds the build tree
  };
  collect::BuildResult build(const BuildInputs& inputs);
  // One line saying what build() will do when it is more than a local build ("" otherwise).
  std::string build_description() const;

  // Sets the launcher, the environment and the per-attempt clean-up for one suite of this target.
  // `lab` is the DNS lab when the area needs it and it is available.
  void prepare_suite(collect::SuiteRunOptions& options, const std::string& area,
                     const std::map<std::string, std::string>& suite_environment, const collect::DnsLab* lab);

  // A command prefix that runs a program where this target's suites run (empty on the host), and
  // the environment to start it with; used for provenance probes and benchmarks.
  struct Prefix {
    std::vector<std::string> launcher;
    std::map<std::string, std::string> environment;
    std::string container_name;  // "" on the host
  };
  Prefix command_prefix(const std::string& purpose, const std::filesystem::path& work_dir,
                        const std::map<std::string, std::string>& environment);

  // Image sizes and the engine, for the run record.
  const std::map<std::string, long long>& footprint() const { return footprint_; }
  std::string engine_description() const;

 private:
  static std::filesystem::path container_etc(const std::filesystem::path& work_dir);

  Context& ctx_;
  const targets::Target& target_;
  exec::ContainerSession* session_;
  std::filesystem::path build_dir_;  // host twin's build tree (host and local-image targets)
  collect::TargetImage image_;
  std::map<std::string, long long> footprint_;
  int containers_ = 0;
};

}  // namespace libcdiff::cli
