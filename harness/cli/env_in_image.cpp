#include "cli/env_in_image.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iostream>

#include "collect/container_target.hpp"
#include "exec/container_session.hpp"
#include "util/error.hpp"

extern char** environ;

namespace libcdiff::cli {
namespace {

// posix_spawn with this process's stdin, stdout and stderr: the command is interactive, as it
// would be without libcdiff in between.
int spawn_and_wait(const std::vector<std::string>& argv,
                   const std::map<std::string, std::string>& environment) {
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : environment) env_strings.push_back(k + "=" + v);
  std::vector<char*> args, envp;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  if (::posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), envp.data()) != 0) return 127;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

std::map<std::string, std::string> image_build_variables(const targets::Target& target) {
  return {{"CC", "gcc"}, {"CXX", "g++"}, {"LIBCDIFF_TARGET", target.id}};
}

int run_in_toolchain_image(Context& ctx, const targets::Target& target,
                           const std::vector<std::string>& command, const std::string& engine) {
  const auto state = ctx.cache_dir / "containers" / ("env-" + std::to_string(::getpid()));
  exec::ContainerSession session(ctx.runner, exec::SessionOptions{.engine = engine,
                                                                  .state_dir = state,
                                                                  .environment = ctx.tool_environment,
                                                                  .limits = exec::read_hard_limits(),
                                                                  .rootless = ::geteuid() != 0});
  collect::ensure_base_image(session, target, ctx.cache_dir);
  const auto log = ctx.cache_dir / "logs" / ("env-toolchain-" + std::to_string(::getpid()) + ".log");
  ctx.err << "libcdiff env: preparing " << target.id << "'s toolchain image (" << target.dockerfile
          << ", log " << log.string() << ")" << std::endl;
  const auto image = collect::build_toolchain_image(session, target, ctx.repo_root, log);
  std::error_code ec;
  std::filesystem::remove(log, ec);
  exec::ContainerSpec spec;
  spec.image = image;
  spec.name = session.container_name("env");
  const auto cwd = std::filesystem::current_path();
  spec.mounts.push_back({cwd, cwd, false});
  spec.working_dir = cwd;
  spec.environment = image_build_variables(target);
  spec.command = command;
  const int status =
      spawn_and_wait(session.engine().run_command_line(spec), session.engine().client_environment());
  session.close();
  return status;
}

}  // namespace libcdiff::cli
