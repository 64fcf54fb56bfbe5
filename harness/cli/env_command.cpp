#include "cli/env_command.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/env_in_image.hpp"
#include "targets/build_environment.hpp"
#include "targets/target.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace libcdiff::cli {

int env_command(Context& ctx, const EnvOptions& options) {
  const auto target = targets::find_target(options.target);
  if (target.runs == targets::Runs::distro_image) {
    if (options.print) {
      for (const auto& [k, v] : image_build_variables(target))
        ctx.out << "export " << k << "=" << util::shell_quote(v) << "\n";
      ctx.out << "# inside the image built from the toolchain stage of " << target.dockerfile << " on "
              << target.base_image << "; the current directory is mounted at the same path\n";
      return 0;
    }
    if (options.command.empty())
      throw usage_error("env " + options.target, "needs a command to run, or --print",
                        "write e.g. 'libcdiff env " + options.target + " -- make'");
    return run_in_toolchain_image(ctx, target, options.command, options.engine);
  }
  const auto env = targets::build_environment(target, ctx.cache_dir, ctx.repo_root);
  if (const auto missing = targets::missing_setup(target, ctx.cache_dir); !missing.empty())
    throw environment_error(target.id, "is not set up here (" + missing + ")",
                            "run scripts/setup.sh (or ./run.sh) first");
  if (options.print) {
    ctx.out << targets::shell_exports(env);
    if (!env.interpreter.empty())
      ctx.out << "# binaries name the loader " << env.interpreter.string() << "\n";
    return 0;
  }
  if (options.command.empty())
    throw usage_error("env " + options.target, "needs a command to run, or --print",
                      "write e.g. 'libcdiff env " + options.target + " -- cmake -S . -B build'");
  for (const auto& [name, value] : env.variables) ::setenv(name.c_str(), value.c_str(), 1);
  ctx.out.flush();
  ctx.err.flush();
  std::vector<char*> argv;
  for (const auto& a : options.command) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execvp(argv[0], argv.data());
  const int error = errno;
  ctx.err << usage_error(options.command[0], std::string("cannot be run (") + std::strerror(error) + ")",
                         "check the command's name and that it is on PATH")
                 .line()
          << std::endl;
  return 127;
}

}  // namespace libcdiff::cli
