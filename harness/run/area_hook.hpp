// What an area needs around its suite beyond the common environment: the DNS area its lab. The
// driver asks each area's hook before the area's suite runs on each target; areas without a hook
// run as they are.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "collect/dns_lab.hpp"

namespace libcdiff::run {

struct AreaSetting {
  std::map<std::string, std::string> environment;  // added to the suite's environment
  const collect::DnsLab* lab = nullptr;            // the lab the runtime starts the suite in, or null
};

class AreaHook {
 public:
  virtual ~AreaHook() = default;
  virtual std::string area() const = 0;
  // Before the area's suite on one target; `note` prints a progress line.
  virtual AreaSetting prepare(const std::filesystem::path& work_dir,
                              const std::function<void(const std::string&)>& note) = 0;
};

using AreaHooks = std::vector<std::unique_ptr<AreaHook>>;

}  // namespace libcdiff::run
