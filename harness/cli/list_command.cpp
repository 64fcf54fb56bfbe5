#include "cli/list_command.hpp"

#include <fmt/format.h>

#include "collect/suite_builder.hpp"
#include "store/case_catalog_toml.hpp"
#include "targets/target.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::cli {

int list_command(Context& ctx, const std::string& what) {
  if (what == "targets") {
    for (const auto& t : targets::builtin_targets()) {
      const std::string missing =
          targets::missing_setup(targets::find_target(t.build_target()), ctx.cache_dir);
      ctx.out << fmt::format("{:<16} {:<10} {}\n", t.id, missing.empty() ? "ready" : "not set up",
                             t.description);
      if (!missing.empty())
        ctx.out << fmt::format("{:<27} missing: {} (run scripts/setup.sh)\n", "", missing);
    }
    for (const auto& [pattern, description] : targets::distro_target_patterns())
      ctx.out << fmt::format("{:<16} {:<10} {}\n", pattern, "container", description);
    ctx.out << "\n'libcdiff doctor' says which of them can run here and what is missing.\n";
    return 0;
  }
  const auto catalog = store::load_case_catalog(ctx.repo_root / "suites");
  if (what == "areas") {
    for (const auto& a : catalog.areas) {
      int n = 0;
      for (const auto& [id, c] : catalog.cases) n += c.area == a.area ? 1 : 0;
      ctx.out << fmt::format("{:<16} {:>3} cases  {}\n", a.area, n, a.title);
    }
    ctx.out << "\nbenchmark areas (libcdiff run --bench): "
            << util::join(collect::benchmark_areas(ctx.repo_root), ", ") << "\n";
    return 0;
  }
  if (what == "cases") {
    for (const auto& [id, c] : catalog.cases)
      ctx.out << fmt::format("{:<40} {:<7} {}\n", id, c.risk, c.title);
    return 0;
  }
  throw usage_error(what, "is not something libcdiff lists", "use: libcdiff list targets|areas|cases");
}

}  // namespace libcdiff::cli
