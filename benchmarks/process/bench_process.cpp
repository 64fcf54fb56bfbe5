// Process start-up: posix_spawn + waitpid of a static and a dynamic C hello.
#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include "common/count_mode.hpp"

extern char** environ;

namespace {

void spawn_and_wait(benchmark::State& state, const char* program) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  char* argv[] = {const_cast<char*>(program), nullptr};
  for (auto _ : state) {
    pid_t pid;
    if (posix_spawn(&pid, program, &actions, nullptr, argv, environ) != 0) {
      state.SkipWithError("posix_spawn failed");
      break;
    }
    int status = 0;
    waitpid(pid, &status, 0);
  }
  posix_spawn_file_actions_destroy(&actions);
}

void BM_posix_spawn_static_hello(benchmark::State& state) {
  spawn_and_wait(state, LIBCDIFF_HELLO_STATIC);
}
LIBCDIFF_BENCHMARK(BM_posix_spawn_static_hello)->UseRealTime();

void BM_posix_spawn_dynamic_hello(benchmark::State& state) {
  spawn_and_wait(state, LIBCDIFF_HELLO_DYNAMIC);
}
LIBCDIFF_BENCHMARK(BM_posix_spawn_dynamic_hello)->UseRealTime();

}  // namespace
