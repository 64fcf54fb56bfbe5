#include "cli/doctor_command.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

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
  const auto out = ctx.cache_dir / ".doctor-locales";
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

}  // namespace

int doctor_command(Context& ctx) {
  ctx.out << "cache: " << ctx.cache_dir.string() << "\n\ntargets:\n";
  bool defaults_ready = true;
  for (const auto& t : targets::builtin_targets()) {
    const std::string missing = targets::missing_setup(t, ctx.cache_dir);
    ctx.out << fmt::format(
        "  {:<12} {}\n", t.id,
        missing.empty() ? "can run here" : "cannot run: " + missing + "; run scripts/setup.sh");
    if (!missing.empty() && (t.id == "musl" || t.id == "glibc")) defaults_ready = false;
  }
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
