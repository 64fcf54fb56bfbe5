// Every libc function a case names in `apis` exists in musl or glibc (issue 13, item 4): a typo or a
// function neither libc exports would make `scan` silently miss the case. Headers (`<sys/cdefs.h>`)
// and macros (`macro __BEGIN_DECLS`) are allowed for build-time cases and are checked by name only.
#include <gtest/gtest.h>

#include "cli/context.hpp"
#include "scan/libc_exports.hpp"
#include "store/case_catalog_toml.hpp"
#include "targets/target.hpp"

namespace libcdiff::scan {
namespace {

TEST(CaseApis, EveryListedFunctionIsExportedByMuslOrGlibc) {
  const auto libc_so = musl_libc_so(targets::find_target("musl"), cli::default_cache_dir());
  ASSERT_TRUE(std::filesystem::exists(libc_so)) << libc_so << " is missing: run scripts/setup.sh";
  const auto musl = musl_exports(libc_so);
  const auto glibc = glibc_exports("/lib/x86_64-linux-gnu");
  const auto catalog = store::load_case_catalog(std::filesystem::path(LIBCDIFF_SOURCE_DIR) / "suites");
  int checked = 0;
  for (const auto& [id, meta] : catalog.cases)
    for (const auto& api : meta.apis) {
      if (api.starts_with("<") && api.ends_with(">")) continue;  // a header
      if (api.starts_with("macro ")) continue;
      ++checked;
      EXPECT_TRUE(musl.exports(api) || glibc.exports(api))
          << id << " lists '" << api << "', which neither libc exports: fix the name, or write a header as "
          << "<name.h> and a macro as 'macro NAME'";
    }
  EXPECT_GT(checked, 200) << "the catalog lists the functions of every case";
}

}  // namespace
}  // namespace libcdiff::scan
