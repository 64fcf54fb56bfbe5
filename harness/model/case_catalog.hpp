// Case metadata from suites/<area>/cases.toml: what each case means and where differences are known.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "util/version_range.hpp"

namespace libcdiff::model {

// "On this libc, in this version range, the case's observations differ from the other libc's."
struct Expectation {
  std::string libc;  // "musl" | "glibc"
  util::VersionRange versions;
  std::vector<std::string> keys;  // empty: any observation key may differ
  std::string why;
  // Non-empty: a toolchain difference, not the libc's: it applies only to sides whose compiler or
  // C++ library starts with this ("gcc", "libc++"), e.g. glibc built with g++ vs with clang.
  std::string toolchain;

  // `toolchain` is the side's "compiler" and "C++ library" as recorded in its provenance.
  bool applies_to(const std::string& family, const std::string& version, const std::string& compiler = "",
                  const std::string& cxx_library = "") const;
};

struct CaseMeta {
  std::string id;
  std::string area;
  std::string title;
  std::string breaks;  // what a user would see break
  std::string risk;    // high | medium | low
  std::vector<std::string> references;
  std::vector<Expectation> expectations;
  std::string note;               // open finding or caveat, shown in the report
  std::string fix;                // what a migrating team changes (every case with an expectation has one)
  std::vector<std::string> apis;  // libc functions the case exercises: where to look in your code
  bool sweep = false;             // from sweeps.toml: its expectations are the sweep's (CaseCatalog::sweeps)
};

struct AreaMeta {
  std::string area;
  std::string title;
  std::string migration;  // "what this means for your migration"
};

// Cases whose observations differ between a host target and the same binaries in its offline image
// (docker/local/image-differences.toml): the image lacks something the host has. In a comparison
// involving that image target they are labelled, so they are never mistaken for libc behaviour.
struct ImageDifference {
  std::string target;  // "glibc-image"
  std::vector<std::string> cases;
  std::string what;      // what the image lacks and what the cases then do
  std::string evidence;  // how it was established
};

}  // namespace libcdiff::model

namespace libcdiff::sweep {
struct SweepCatalog;
}

namespace libcdiff::model {

struct CaseCatalog {
  std::vector<AreaMeta> areas;
  std::map<std::string, CaseMeta> cases;  // by id
  std::vector<ImageDifference> image_differences;
  // The sweeps (suites/<area>/sweeps.toml), also listed in `cases` with sweep = true; null when the
  // catalog was not loaded from a suites directory.
  std::shared_ptr<const sweep::SweepCatalog> sweeps;

  const ImageDifference* find_image_difference(const std::string& target, const std::string& case_id) const;

  const CaseMeta* find(const std::string& id) const;
  const AreaMeta* find_area(const std::string& area) const;
  std::vector<std::string> area_names() const;
};

}  // namespace libcdiff::model
