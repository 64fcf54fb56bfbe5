#include "sweep/sweep_catalog.hpp"

namespace libcdiff::sweep {

const SweepMeta* SweepCatalog::find(const std::string& id) const {
  const auto it = sweeps.find(id);
  return it == sweeps.end() ? nullptr : &it->second;
}

}  // namespace libcdiff::sweep
