// The DNS area's hook: the resolver cases need the lab (DESIGN §5, suites/dns/lab). Without it they
// skip, each with the reason the lab could not start.
#pragma once

#include "exec/process_runner.hpp"
#include "run/area_hook.hpp"

namespace libcdiff::run {

class DnsLabHook final : public AreaHook {
 public:
  DnsLabHook(exec::ProcessRunner& runner, std::filesystem::path repo_root);
  std::string area() const override { return "dns"; }
  AreaSetting prepare(const std::filesystem::path& work_dir,
                      const std::function<void(const std::string&)>& note) override;

 private:
  exec::ProcessRunner& runner_;
  std::filesystem::path repo_root_;
  collect::DnsLab lab_;
};

// The hooks of a real run.
AreaHooks default_area_hooks(exec::ProcessRunner& runner, const std::filesystem::path& repo_root);

}  // namespace libcdiff::run
