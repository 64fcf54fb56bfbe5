#include "run/target_setup.hpp"

#include "exec/process_runner.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::run {

void ensure_target_setup(cli::Context& ctx, const targets::Target& target,
                         const std::filesystem::path& log_dir) {
  const std::string build_target = target.build_target();
  if (build_target.empty()) return;  // alpine:/debian: build inside their images
  const auto& twin = targets::find_target(build_target);
  if (targets::missing_setup(twin, ctx.cache_dir).empty()) return;

  std::filesystem::create_directories(log_dir);
  const auto log = log_dir / ("setup-" + util::path_safe(build_target) + ".log");
  ctx.out << "setting up " << build_target << " on its first use (libc++ 16, GoogleTest and Google Benchmark "
          << "for it: a few minutes; log: " << log.string() << ")" << std::endl;
  exec::ProcessSpec spec;
  spec.program = "bash";
  spec.args = {(ctx.repo_root / "scripts" / "setup.sh").string(), "--targets", build_target};
  auto environment = ctx.tool_environment;
  environment["LIBCDIFF_CACHE_DIR"] = ctx.cache_dir.string();  // the cache this run reads
  spec.environment = environment;
  spec.timeout = std::chrono::minutes(60);
  spec.stdout_path = log;
  spec.stderr_path = log;
  const auto result = ctx.runner.run(spec);
  if (ctx.interrupted) return;  // the caller reports the interruption; setup kept nothing half-built
  const std::string missing = targets::missing_setup(twin, ctx.cache_dir);
  if (!result.succeeded() || !missing.empty())
    throw environment_error("target " + target.id,
                            "its toolchain could not be set up (" +
                                (result.succeeded() ? missing : "scripts/setup.sh: " + result.describe()) +
                                ")",
                            "see " + log.string() + ", fix the cause and run again");
}

}  // namespace libcdiff::run
