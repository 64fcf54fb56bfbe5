// The real Runtime: built and run on the host, or run in a container (an offline image around the
// host twin's build, or a distribution image built from a Dockerfile). The driver asks this object,
// never the target kind, so both paths share one loop.
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
#include "run/runtime.hpp"
#include "targets/target.hpp"

namespace libcdiff::run {

class TargetRuntime final : public Runtime {
 public:
  // `session` is required for container targets and may be null for host targets.
  TargetRuntime(cli::Context& ctx, const targets::Target& target, exec::ContainerSession* session);

  // Fails fast (exit 3) when a distribution image's base cannot be had; nothing for other targets.
  void check_available() override;
  collect::BuildResult build(const BuildInputs& inputs) override;
  std::string build_description() const override;
  void prepare_suite(collect::SuiteRunOptions& options, const std::string& area,
                     const std::map<std::string, std::string>& suite_environment,
                     const collect::DnsLab* lab) override;
  Prefix command_prefix(const std::string& purpose, const std::filesystem::path& work_dir,
                        const std::map<std::string, std::string>& environment) override;
  std::map<std::string, long long> footprint() const override { return footprint_; }
  std::string engine_description() const override;

 private:
  static std::filesystem::path container_etc(const std::filesystem::path& work_dir);

  cli::Context& ctx_;
  const targets::Target& target_;
  exec::ContainerSession* session_;
  std::filesystem::path build_dir_;  // host twin's build tree (host and local-image targets)
  collect::TargetImage image_;
  std::map<std::string, long long> footprint_;
  int containers_ = 0;
};

}  // namespace libcdiff::run
