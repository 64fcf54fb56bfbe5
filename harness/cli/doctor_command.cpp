#include "cli/doctor_command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "collect/container_target.hpp"
#include "exec/container_session.hpp"
#include "targets/target.hpp"
#include "util/error.hpp"

namespace libcdiff::cli {
namespace {

bool tool_runs(Context& ctx, const std::string& program, std::vector<std::string> args) {
  exec::ProcessSpec spec;
  spec.program = program;
  spec.args = std::move(args);
  spec.timeout = std::chrono::seconds(10);
  return ctx.runner.run(spec).succeeded();
}

std::string installed_locales(Context& ctx) {
  // In the temporary directory, not the cache: before setup (or as a user without one) the cache
  // does not exist, and the runner refuses to write there; every locale then read as missing.
  const auto out =
      std::filesystem::temp_directory_path() / ("libcdiff-doctor-locales-" + std::to_string(getpid()));
  exec::ProcessSpec spec;
  spec.program = "locale";
  spec.args = {"-a"};
  spec.timeout = std::chrono::seconds(10);
  spec.stdout_path = out;
  ctx.runner.run(spec);
  std::ifstream in(out);
  std::ostringstream text;
  text << in.rdbuf();
  std::filesystem::remove(out);
  return text.str();
}

// "" when the target can run here, else the one thing missing and how to get it.
std::string target_verdict(Context& ctx, const targets::Target& t, const exec::EngineProbe& engine,
                           bool registry) {
  if (!t.build_target().empty()) {
    const std::string missing = targets::missing_setup(targets::find_target(t.build_target()), ctx.cache_dir);
    if (!missing.empty())
      return missing + "; 'libcdiff run' sets it up on its first use (or: scripts/setup.sh --targets " +
             t.build_target() + ")";
  }
  if (!t.in_container()) return "";
  if (!engine.usable) return engine.reason;
  if (t.runs == targets::Runs::local_image) {
    if (access("/bin/busybox", X_OK) != 0)
      return "/bin/busybox is missing (busybox-static; scripts/setup.sh installs it)";
    return "";
  }
  for (const auto& file : collect::offline_image_files(ctx.cache_dir, t.base_image))
    if (std::filesystem::exists(file)) return "";
  if (registry) return "";
  const auto offline = collect::offline_image_files(ctx.cache_dir, t.base_image);
  return "no registry reachable for " + t.base_image + " and no offline copy at " + offline.front().string() +
         (t.libc_family == "glibc"
              ? " (docker/local/bootstrap-debian-base.sh makes " + offline.back().string() + ")"
              : " (save it on a connected machine: podman save -o FILE " + t.base_image + ")");
}

}  // namespace

int doctor_command(Context& ctx) {
  ctx.out << "cache: " << ctx.cache_dir.string() << "\n\ntargets:\n";
  bool defaults_ready = true;
  const auto engine = exec::probe_engine(ctx.runner, "", ctx.tool_environment);
  const bool registry = tool_runs(ctx, "getent", {"hosts", "registry-1.docker.io"});
  std::vector<targets::Target> all = targets::builtin_targets();
  all.push_back(targets::find_target("alpine:3.20"));
  all.push_back(targets::find_target("debian:12"));
  for (const auto& t : all) {
    const std::string verdict = target_verdict(ctx, t, engine, registry);
    ctx.out << fmt::format("  {:<12} {}\n", t.id,
                           verdict.empty() ? "can run here" : "cannot run: " + verdict);
    if (!verdict.empty() && (t.id == "musl" || t.id == "glibc")) defaults_ready = false;
  }
  ctx.out << fmt::format("  (alpine:<version> and debian:<version> stand for every version; engine: {})\n",
                         engine.usable ? exec::engine_name(engine.kind) : "none");
  ctx.out << "\ntools:\n";
  const std::pair<const char*, std::vector<std::string>> tools[] = {{"cmake", {"--version"}},
                                                                    {"ninja", {"--version"}},
                                                                    {"clang-16", {"--version"}},
                                                                    {"g++", {"--version"}}};
  for (const auto& [tool, args] : tools) {
    const bool ok = tool_runs(ctx, tool, args);
    if (!ok) defaults_ready = false;
    ctx.out << fmt::format("  {:<12} {}\n", tool, ok ? "ok" : "missing; run scripts/setup.sh");
  }
  ctx.out << "\nglibc locales used by the locale cases:\n";
  const std::string locales = installed_locales(ctx);
  for (const char* name : {"de_DE.utf8", "en_US.utf8", "fr_FR.utf8", "tr_TR.utf8", "C.utf8"}) {
    const bool present = locales.find(name) != std::string::npos;
    ctx.out << fmt::format(
        "  {:<12} {}\n", name,
        present ? "installed" : "missing: its cases are skipped; scripts/setup.sh generates it (root)");
  }
  ctx.out << "\n"
          << (defaults_ready ? "The default targets (musl, glibc) can run here.\n"
                             : "The default targets cannot run here yet: run scripts/setup.sh.\n");
  return defaults_ready ? 0 : static_cast<int>(ExitCode::environment);
}

}  // namespace libcdiff::cli
