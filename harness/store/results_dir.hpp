// Layout of results/runs/ (DESIGN §7): one directory per run named <UTC time>_<A>_vs_<B>, and a
// "latest" symlink to the newest.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace libcdiff::store {

std::string run_dir_name(std::chrono::system_clock::time_point when, const std::vector<std::string>& targets);

// Creates the directory (and parents) and proves it is writable by writing a probe file, before any
// long work starts. Throws Fatal (exit 2) naming the directory.
void prepare_output_dir(const std::filesystem::path& dir);

// Points <runs_root>/latest at run_dir (relative link, replaced atomically).
void update_latest_link(const std::filesystem::path& runs_root, const std::filesystem::path& run_dir);

// The run records in a results directory, sorted by file name.
std::vector<std::filesystem::path> run_records_in(const std::filesystem::path& dir);

}  // namespace libcdiff::store
