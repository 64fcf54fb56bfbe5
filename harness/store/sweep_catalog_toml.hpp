// Loads suites/<area>/sweeps.toml. Every mistake is an input error naming the file and the entry
// ("suites/locale/sweeps.toml sweep Locale.SweepWcwidth expect #2: ..."), never a crash; unknown keys
// are mistakes too, because a misspelt selector would silently widen what an expectation covers.
//
//   [[sweep]]
//   id = "Locale.SweepWcwidth"          # the gtest case that writes the table (Suite.Case), unique
//   title = "wcwidth of every Unicode scalar value"
//   domain = "U+0000..U+10FFFF without surrogates, in C.UTF-8"   # what is enumerated
//   source = "the Unicode code space"                             # where the enumeration comes from
//   breaks = "column alignment of emoji in terminals"             # what a difference breaks
//   risk = "medium"                                               # high | medium | low
//   references = ["https://..."]                                  # at least one
//   apis = ["wcwidth"]                  # optional, like fix and note
//   kind = "fuzz"                       # optional: a fuzz case (common/fuzz_driver.hpp); default
//                                       # "enumeration"
//
//   [[sweep.expect]]                    # as [[case.expect]]: libc, versions (default "*"), toolchain
//   libc = "musl"
//   versions = "<1.2.5"
//   range = "wcwidth U+1F900..U+1F9FF"  # range, pattern: a string or a list of strings (any of them)
//   pattern = "wcwidth U+1F*"
//   predicate = 'this == "-1"'          # one predicate (sweep_expectation.hpp); at least one selector
//   why = "musl's tables are Unicode 12"                          # required
//   references = ["https://..."]                                  # at least one
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "sweep/sweep_catalog.hpp"

namespace libcdiff::store {

// Every immediate subdirectory of suites_dir with a sweeps.toml; the directory names the area.
sweep::SweepCatalog load_sweep_catalog(const std::filesystem::path& suites_dir);

// One file's content; `source` names it in errors.
void add_sweeps_from_toml(sweep::SweepCatalog& catalog, std::string_view toml_text, const std::string& source,
                          const std::string& area);

}  // namespace libcdiff::store
