// How one target of a run gets its binaries and starts them, as the run driver sees it: built and
// run on the host, or run in a container (run::TargetRuntime). An interface, so the driver's whole
// run is tested with a fake runtime and the fake process runner.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "collect/dns_lab.hpp"
#include "collect/suite_builder.hpp"
#include "collect/suite_runner.hpp"

namespace libcdiff::run {

class Runtime {
 public:
  virtual ~Runtime() = default;

  // Fails fast (exit 3) when the target cannot run here, before any long build.
  virtual void check_available() = 0;

  struct BuildInputs {
    std::filesystem::path build_root;  // <build root>/<target> trees live here
    std::vector<std::string> areas;
    std::vector<std::string> bench_areas;
    std::filesystem::path log_dir;                    // image build logs
    std::function<void(const std::string&)> on_wait;  // another run holds the build tree
  };
  virtual collect::BuildResult build(const BuildInputs& inputs) = 0;
  // One line saying what build() will do when it is more than a local build ("" otherwise).
  virtual std::string build_description() const = 0;

  // Sets the launcher, the environment and the per-attempt clean-up for one suite of this target.
  // `lab` is the DNS lab when the area needs it and it is available.
  virtual void prepare_suite(collect::SuiteRunOptions& options, const std::string& area,
                             const std::map<std::string, std::string>& suite_environment,
                             const collect::DnsLab* lab) = 0;

  // A command prefix that runs a program where this target's suites run (empty on the host), and
  // the environment to start it with; used for provenance probes and benchmarks. `after_use`
  // removes what the prefix created (a container), if anything.
  struct Prefix {
    std::vector<std::string> launcher;
    std::map<std::string, std::string> environment;
    std::function<void()> after_use;
  };
  virtual Prefix command_prefix(const std::string& purpose, const std::filesystem::path& work_dir,
                                const std::map<std::string, std::string>& environment) = 0;

  // Image sizes, for the run record; the engine, for the provenance ("" on the host).
  virtual std::map<std::string, long long> footprint() const = 0;
  virtual std::string engine_description() const = 0;
};

}  // namespace libcdiff::run
