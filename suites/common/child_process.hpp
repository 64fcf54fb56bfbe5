// Runs a piece of a case in a forked child, for behaviour that may kill the process on one libc
// (a stack overflow on musl's 128 KiB thread stack, heap-corruption checks). The child's fate is the
// observation; the suite binary survives either way.
#pragma once

#include <functional>
#include <string>

namespace libcdiff::suite {

// "exit 0", "exit 3" or "signal SIGSEGV" (also "signal SIGABRT", ...). stderr of the child is
// discarded unless `stderr_text` is given, which then receives it.
std::string run_in_child(const std::function<int()>& body, std::string* stderr_text = nullptr);

}  // namespace libcdiff::suite
