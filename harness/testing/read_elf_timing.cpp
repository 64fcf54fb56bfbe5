// How long read_elf takes over whole trees (issue 13 item 8: all of /usr/bin and /usr/lib within
// 30 s for the full scan). A timing print, never a pass/fail on time: it fails only when a file makes
// read_elf throw something other than ElfError (which would end a scan).
//   scan_read_elf_timing [--jobs N] [--load-check MUSL_LIBC_SO] DIR...
// Walks each DIR recursively (regular files, symlinks not followed), skips files without the ELF
// magic after reading four bytes, reads the rest, and with --load-check also gives each a verdict.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "scan/elf_file.hpp"
#include "scan/libc_exports.hpp"
#include "scan/load_check.hpp"

namespace fs = std::filesystem;
using namespace libcdiff::scan;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  unsigned jobs = 1;
  fs::path libc_so;
  std::vector<fs::path> dirs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--jobs" && i + 1 < argc)
      jobs = static_cast<unsigned>(std::max(1, std::stoi(argv[++i])));
    else if (arg == "--load-check" && i + 1 < argc)
      libc_so = argv[++i];
    else
      dirs.emplace_back(arg);
  }
  if (dirs.empty()) {
    std::cerr << "usage: scan_read_elf_timing [--jobs N] [--load-check MUSL_LIBC_SO] DIR...\n";
    return 2;
  }

  const auto walk_start = std::chrono::steady_clock::now();
  std::vector<fs::path> files;
  for (const auto& dir : dirs) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         it != end; it.increment(ec)) {
      if (ec) break;
      std::error_code type_ec;
      if (it->is_symlink(type_ec) || !it->is_regular_file(type_ec)) continue;
      files.push_back(it->path());
    }
  }
  const double walk_seconds = seconds_since(walk_start);

  std::unique_ptr<LoadChecker> checker;
  if (!libc_so.empty())
    checker = std::make_unique<LoadChecker>(musl_exports(libc_so), glibc_exports("/lib/x86_64-linux-gnu"));

  std::atomic<std::size_t> next{0}, elf{0}, read_ok{0}, symbols{0}, bytes{0};
  std::mutex mutex;
  std::map<std::string, int> errors;
  std::map<std::string, int> verdicts;
  std::atomic<bool> broken{false};
  const auto read_start = std::chrono::steady_clock::now();
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      if (!has_elf_magic(files[i])) continue;
      ++elf;
      try {
        const ElfInfo info = read_elf(files[i]);
        ++read_ok;
        symbols += info.imports.size() + info.exports.size();
        bytes += info.file_size;
        if (checker) {
          const auto verdict = to_string(checker->check(info).verdict);
          std::lock_guard lock(mutex);
          ++verdicts[verdict];
        }
      } catch (const ElfError& e) {
        std::lock_guard lock(mutex);
        ++errors[e.reason().substr(0, e.reason().find(" ("))];
      } catch (const std::exception& e) {
        std::lock_guard lock(mutex);
        std::cerr << files[i] << ": unexpected " << e.what() << "\n";
        broken = true;
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  const double read_seconds = seconds_since(read_start);

  std::printf("walked %zu regular files in %.2f s\n", files.size(), walk_seconds);
  std::printf(
      "%zu ELF files (by magic), %zu read, %.0f MiB, %zu dynamic symbols, in %.2f s with %u job%s%s\n",
      elf.load(), read_ok.load(), static_cast<double>(bytes.load()) / (1 << 20), symbols.load(), read_seconds,
      jobs, jobs == 1 ? "" : "s", checker ? " (read_elf + load_check)" : " (read_elf)");
  for (const auto& [reason, n] : errors) std::printf("  ElfError x%d: %s\n", n, reason.c_str());
  for (const auto& [verdict, n] : verdicts) std::printf("  verdict %s: %d\n", verdict.c_str(), n);
  std::printf("total %.2f s\n", walk_seconds + read_seconds);
  return broken ? 1 : 0;
}
