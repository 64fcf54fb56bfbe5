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

// Claims `dir` for one new run, so that two runs' files are never mixed (a re-used directory kept an
// old run's logs beside the new ones). A new or empty directory is taken; one that holds a libcdiff
// run is refused (exit 2) unless `replace` (--force), which removes it whole first; one that holds
// anything else is always refused. Parents created for a directory that then cannot be made are
// removed again. Proves the directory writable, as prepare_output_dir does.
void claim_output_dir(const std::filesystem::path& dir, bool replace);

// A new directory <runs_root>/<name>, or <name>-2, <name>-3, ... when a run that started in the same
// second took the name: created exclusively, so concurrent runs never share one.
std::filesystem::path claim_new_run_dir(const std::filesystem::path& runs_root, const std::string& name);

// Whether `dir` holds what a libcdiff run writes (run records, comparison.json, logs/).
bool holds_a_run(const std::filesystem::path& dir);

// Points <runs_root>/latest at run_dir (relative link, replaced atomically). Returns what went wrong
// (e.g. "latest" is a real directory, which is never removed), or "" when the link was updated.
std::string update_latest_link(const std::filesystem::path& runs_root, const std::filesystem::path& run_dir);

// The run records in a results directory, sorted by file name.
std::vector<std::filesystem::path> run_records_in(const std::filesystem::path& dir);

}  // namespace libcdiff::store
