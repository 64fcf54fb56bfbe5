// libcdiff's entry point: creates the real process runner, clock and streams, and hands over.
#include <unistd.h>  // environ (musl declares it only here; glibc through other headers too)

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

#include "cli/app.hpp"
#include "exec/boost_process_runner.hpp"
#include "exec/process_tree_guard.hpp"

namespace {

// The only globals: a signal handler can reach nothing else.
std::atomic<bool> g_interrupted{false};
std::atomic<int> g_signal{0};

void on_interrupt(int signal) {
  g_signal = signal;
  g_interrupted = true;
}

std::filesystem::path repo_root() {
  if (const char* env = std::getenv("LIBCDIFF_SOURCE_DIR"); env != nullptr && *env != '\0') return env;
  return LIBCDIFF_SOURCE_DIR;
}

std::map<std::string, std::string> inherited_environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    const auto eq = entry.find('=');
    if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  return env;
}

}  // namespace

int main(int argc, char** argv) {
  // First, before any thread exists: nothing started from here on may outlive this process.
  // `env` replaces itself with the user's command (exec): the guard's watchdog would take the end of
  // this process image for libcdiff's exit and kill the command, so `env` starts none.
  const bool replaces_itself = argc > 1 && std::string(argv[1]) == "env";
  if (const char* off = std::getenv("LIBCDIFF_NO_PROCESS_GUARD");
      !replaces_itself && (off == nullptr || std::string(off) != "1"))
    libcdiff::exec::guard_process_tree();
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  libcdiff::exec::BoostProcessRunner runner(&g_interrupted);
  libcdiff::util::SystemClock clock;
  libcdiff::cli::Context ctx{runner,    clock,     repo_root(),   libcdiff::cli::default_cache_dir(),
                             std::cout, std::cerr, g_interrupted, inherited_environment()};
  const int code = libcdiff::cli::run_cli(ctx, std::vector<std::string>(argv + 1, argv + argc));
  // An interrupted run exits like a shell reports the signal: 130 for SIGINT, 143 for SIGTERM, so a
  // supervisor can tell "the user pressed Ctrl-C" from "I stopped it".
  if (code == 130 && g_signal == SIGTERM) return 128 + SIGTERM;
  return code;
}
