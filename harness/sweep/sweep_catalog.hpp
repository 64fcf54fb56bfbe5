// Sweep metadata from suites/<area>/sweeps.toml (issue 12), beside the area's cases.toml: what each
// sweep enumerates and from where, what a difference breaks, and which differences are known
// (sweep_expectation.hpp). The file's format is documented in store/sweep_catalog_toml.hpp.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sweep/sweep_expectation.hpp"

namespace libcdiff::sweep {

struct SweepMeta {
  std::string id;  // the gtest case that writes the table, "Locale.SweepWcwidth"
  std::string area;
  std::string title;
  std::string domain;  // what is enumerated: "every Unicode scalar value"
  // Where the enumeration comes from: "the Unicode code space", "<limits.h> of both sysroots".
  std::string source;
  std::string breaks;  // what a user would see break where the tables differ
  std::string risk;    // high | medium | low
  std::vector<std::string> references;
  std::vector<std::string> apis;  // libc functions the sweep exercises
  std::string fix;
  std::string note;
  // A fuzz sweep (common/fuzz_driver.hpp): its keys are generated inputs, `libcdiff fuzz` runs it for
  // longer with other seeds and minimises its differing inputs.
  bool fuzz = false;
  std::vector<SweepExpectation> expectations;  // in file order: "expected N" in a full diff is the Nth
};

struct SweepCatalog {
  std::map<std::string, SweepMeta> sweeps;  // by id

  const SweepMeta* find(const std::string& id) const;
};

}  // namespace libcdiff::sweep
