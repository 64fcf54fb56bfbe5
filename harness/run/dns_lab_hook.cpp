#include "run/dns_lab_hook.hpp"

namespace libcdiff::run {

DnsLabHook::DnsLabHook(exec::ProcessRunner& runner, std::filesystem::path repo_root)
    : runner_(runner), repo_root_(std::move(repo_root)) {}

AreaSetting DnsLabHook::prepare(const std::filesystem::path& work_dir,
                                const std::function<void(const std::string&)>& note) {
  AreaSetting setting;
  lab_ = collect::probe_dns_lab(runner_, repo_root_, work_dir / "dns-lab");
  if (lab_.available) {
    std::filesystem::create_directories(work_dir / "dns-lab");
    setting.lab = &lab_;
  } else {
    setting.environment["LIBCDIFF_DNS_LAB_UNAVAILABLE"] = lab_.reason;
    note(lab_.reason);
  }
  return setting;
}

AreaHooks default_area_hooks(exec::ProcessRunner& runner, const std::filesystem::path& repo_root) {
  AreaHooks hooks;
  hooks.push_back(std::make_unique<DnsLabHook>(runner, repo_root));
  return hooks;
}

}  // namespace libcdiff::run
