// What the run driver's parts share (run_driver.cpp, run_driver_bench.cpp).
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace libcdiff::run {

// A fixed, minimal environment: every libc sees the same variables, and no LANG/LC_*/TZ from the
// caller's shell leaks into the observations.
std::map<std::string, std::string> suite_environment(const std::filesystem::path& home);

// Benchmark-only runs: the benchmark binaries identified their libc in their JSON context.
std::map<std::string, std::string> identity_from_benchmarks(
    const std::map<std::string, std::string>& context);

}  // namespace libcdiff::run
