#include "exec/boost_process_runner.hpp"

#include <sys/wait.h>

#include <sched.h>
#include <boost/process.hpp>

#include <csignal>

#include <boost/process/extend.hpp>
#include <fstream>
#include <thread>

namespace bp = boost::process;

namespace libcdiff::exec {
namespace {

boost::filesystem::path resolve_program(const std::filesystem::path& program) {
  if (program.has_parent_path()) return boost::filesystem::path(program.string());
  return bp::search_path(program.string());
}

bp::environment make_environment(const ProcessSpec& spec) {
  bp::environment env = boost::this_process::environment();
  if (spec.environment) {
    env.clear();
    for (const auto& [name, value] : *spec.environment) env[name] = value;
  }
  return env;
}

std::string redirect_target(const std::filesystem::path& path) {
  return path.empty() ? std::string("/dev/null") : path.string();
}

// Ctrl-C: SIGTERM to the child's process group first, so that a ninja stops the compilers it runs
// in process groups of their own (a SIGKILL leaves them orphaned), then SIGKILL what is left.
void stop_gracefully(bp::child& child, bp::group& group) {
  std::error_code ec;
  if (group.native_handle() > 0) ::kill(-group.native_handle(), SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (child.running(ec) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  group.terminate(ec);
}

}  // namespace

ProcessResult BoostProcessRunner::run(const ProcessSpec& spec) {
  ProcessResult result;
  const auto started = std::chrono::steady_clock::now();
  const auto program = resolve_program(spec.program);
  if (program.empty()) {
    result.error = spec.program.string() + " not found in PATH";
    return result;
  }
  // Boost.Process reports an unopenable redirect only after it has forked, leaving a child running
  // with the harness's own stdout: refuse before starting anything.
  for (const auto* path : {&spec.stdout_path, &spec.stderr_path}) {
    if (!path->empty() &&
        !std::filesystem::is_directory(path->parent_path().empty() ? "." : path->parent_path())) {
      result.error = "cannot write " + path->string() + ": its directory does not exist";
      return result;
    }
  }
  // Boost.Process opens redirect files without O_TRUNC: an old, longer log would keep its tail behind
  // the new output (a re-used results directory then reported an earlier run's crashes). Empty them.
  for (const auto* path : {&spec.stdout_path, &spec.stderr_path}) {
    if (path->empty()) continue;
    std::ofstream truncate(*path, std::ios::binary | std::ios::trunc);
    if (!truncate) {
      result.error = "cannot write " + path->string();
      return result;
    }
  }
  const std::string out_path = redirect_target(spec.stdout_path);
  const std::string err_path = redirect_target(spec.stderr_path);
  const bool same_file = !spec.stdout_path.empty() && spec.stdout_path == spec.stderr_path;
  const std::string cwd =
      spec.working_dir ? spec.working_dir->string() : std::filesystem::current_path().string();

  // A libcdiff started in the background (`cmd &` in a script, nohup) inherits SIGINT, SIGQUIT or
  // SIGHUP ignored, and exec keeps an ignored signal ignored: every child would run with it. Tests
  // that signal themselves then fail on both libcs (gnulib's test-execute did). Children start with
  // every signal at its default and none blocked.
  const auto default_signals = bp::extend::on_exec_setup = [cpu = spec.cpu](auto&) {
    if (cpu) {
      cpu_set_t one;
      CPU_ZERO(&one);
      CPU_SET(*cpu, &one);
      ::sched_setaffinity(0, sizeof(one), &one);  // best effort: an unpinned run is still a run
    }
    for (int sig = 1; sig < NSIG; ++sig) {
      struct sigaction current {};
      if (::sigaction(sig, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) ::signal(sig, SIG_DFL);
    }
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
  };
  std::error_code launch_error;
  bp::group group;
  bp::child child;
  try {
    if (same_file) {
      child = bp::child(program, bp::args(spec.args), bp::start_dir(cwd), make_environment(spec),
                        (bp::std_out & bp::std_err) > out_path, bp::std_in < bp::null, group, launch_error,
                        default_signals);
    } else {
      child = bp::child(program, bp::args(spec.args), bp::start_dir(cwd), make_environment(spec),
                        bp::std_out > out_path, bp::std_err > err_path, bp::std_in < bp::null, group,
                        launch_error, default_signals);
    }
  } catch (const std::exception& e) {
    result.error = e.what();
    return result;
  }
  if (launch_error) {
    result.error = launch_error.message();
    return result;
  }

  // Poll rather than block: the loop is the watchdog. 5 ms keeps the overhead negligible.
  bool timed_out = false;
  std::error_code ec;
  while (child.running(ec)) {
    if (interrupted_ != nullptr && interrupted_->load() && !spec.survives_interrupt) {
      stop_gracefully(child, group);
      break;
    }
    if (std::chrono::steady_clock::now() - started >= spec.timeout) {
      timed_out = true;
      group.terminate(ec);  // SIGKILL to the whole group: grandchildren must not outlive the case
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  child.wait(ec);
  result.elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);

  const int status = child.native_exit_code();
  if (timed_out) {
    result.termination = Termination::timed_out;
    result.signal = SIGKILL;
  } else if (WIFSIGNALED(status)) {
    result.termination = Termination::signaled;
    result.signal = WTERMSIG(status);
  } else {
    result.termination = Termination::exited;
    result.exit_code = WEXITSTATUS(status);
  }
  return result;
}

}  // namespace libcdiff::exec
