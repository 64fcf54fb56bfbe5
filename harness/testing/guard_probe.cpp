// A stand-in for libcdiff in the process tree guard's test: it guards itself as libcdiff's main()
// does, starts a grandchild that escapes into a session of its own (writing its pid to argv[1]), and
// waits to be killed.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "exec/process_tree_guard.hpp"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const auto status = libcdiff::exec::guard_process_tree();
  if (!status.active) {
    std::cout << "inactive: " << status.reason << std::endl;
    return 77;
  }
  std::cout << status.cgroup.string() << std::endl;
  const std::string escape = "setsid sh -c 'echo $$ > " + std::string(argv[1]) + ".tmp && mv " + argv[1] +
                             ".tmp " + argv[1] + " && exec sleep 600' >/dev/null 2>&1 < /dev/null &";
  if (std::system(escape.c_str()) != 0) return 3;
  for (;;) ::pause();
}
